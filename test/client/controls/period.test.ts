/** @module Period arithmetic of the map page: the slider's months (client/controls/period.ts), the month a
 * state means, the unit structure and the criteria set of a month (client/era/era.ts, read from what the
 * server says of itself), and a month in words (client/i18n/i18n.ts). */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Criteria, Health } from '../../../client/api/answers.ts';
import { monthsBetween } from '../../../client/controls/period.ts';
import { periodOf, setAt, structureAt } from '../../../client/era/era.ts';
import { formatPeriod, setLang } from '../../../client/i18n/i18n.ts';
import { seededApis } from '../../support/api.ts';
import { TODAY_LAST_PERIOD } from '../../support/eras.ts';

describe('months of the slider', () => {
  it('lists every month from the first to the last, across the new year', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-06', '2025-06')).toEqual(['2025-06']);
    expect(monthsBetween('2025-07', '2025-06')).toEqual([]);
    const all = monthsBetween('2021-01', '2026-11');
    expect(all).toHaveLength(6 * 12 - 1);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('a month in words', () => {
  beforeAll(() => vi.stubGlobal('document', { documentElement: { lang: 'vi' } }));
  afterEach(() => setLang('vi'));

  it('writes "tháng 6/2024" in Vietnamese and "June 2024" in English', () => {
    expect(formatPeriod('2024-06')).toBe('tháng 6/2024');
    expect(formatPeriod('2025-12')).toBe('tháng 12/2025');
    setLang('en');
    expect(formatPeriod('2024-06')).toBe('June 2024');
    expect(formatPeriod('2026-01')).toBe('January 2026');
  });
});

describe('the structure and the criteria set of a month, as the server describes them', () => {
  const [sqlite] = seededApis('today');
  let api: Awaited<ReturnType<NonNullable<typeof sqlite>['open']>>;
  let health: Health;
  let catalogue: Criteria;
  beforeAll(async () => {
    api = await sqlite!.open();
    health = (await (await api.request('/api/v1/health')).json()) as Health;
    catalogue = (await (await api.request('/api/v1/criteria')).json()) as Criteria;
  });
  afterAll(async () => api?.close());

  it('reads a link without a month as the latest month with data', () => {
    expect(periodOf(null, health)).toBe(TODAY_LAST_PERIOD);
    expect(periodOf('2024-06', health)).toBe('2024-06');
  });

  it('draws the old provinces and districts until 2025-06 and today\'s from 2025-07; 19 criteria until 2026-01, 10 from 2026-02', () => {
    const months = monthsBetween(...health.periods!);
    for (const m of months) {
      expect(structureAt(health, m), m).toBe(m <= '2025-06' ? 'pre2025' : '2025-07');
      expect(setAt(catalogue, m).criteria_count, m).toBe(m <= '2026-01' ? 19 : 10);
    }
    expect(structureAt(health, null)).toBe('2025-07');
    expect(setAt(catalogue, null).criteria_count).toBe(10);
  });
});
