// Target metrics in words on the commune card: every metric key of the vendored facts has a Vietnamese and
// an English wording, with its year(s) and plan; an unknown key is shown as written and marked English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { metricLabel } from '../../../client/card/metric-label.ts';
import { setLang } from '../../../client/i18n/i18n.ts';
import { ROOT } from '../../../server/config/paths.ts';

const metricsOf = (file: string) => (parse(readFileSync(join(ROOT, 'data', 'sources', 'facts', file)), { columns: true }) as Array<{ metric: string }>).map((r) => r.metric);

describe('target metric labels', () => {
  beforeAll(() => vi.stubGlobal('document', { documentElement: { lang: 'vi' } }));
  afterEach(() => setLang('vi'));

  it('words every metric of the facts in Vietnamese and English', () => {
    const metrics = [...new Set([...metricsOf('targets.csv'), ...metricsOf('plan_targets.csv')])];
    expect(metrics.length).toBeGreaterThan(30);
    for (const m of metrics) expect(metricLabel(m).lang, m).toBe('vi');
    setLang('en');
    for (const m of metrics) expect(metricLabel(m).lang, m).toBe('en');
  });

  it('keeps the year and the plan the key names', () => {
    expect(metricLabel('target_share_communes_ntm_2025').text).toBe('Tỷ lệ xã đạt chuẩn NTM (2025)');
    expect(metricLabel('target_communes_ntm_2025_(KH 104/KH-BCĐ)').text).toBe('Số xã đạt chuẩn NTM (2025, KH 104/KH-BCĐ)');
    expect(metricLabel('p135_communes_2017_2020').text).toBe('Số xã thuộc Chương trình 135 (2017–2020)');
    setLang('en');
    expect(metricLabel('communes_19_of_19').text).toBe('Communes meeting all 19 criteria');
  });

  it('shows an unknown key as written, in English', () => {
    expect(metricLabel('target_something_new_2030')).toEqual({ text: 'something new 2030', lang: 'en' });
  });
});
