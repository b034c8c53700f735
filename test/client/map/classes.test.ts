/** @module The map's colour classes (client/map/choropleth.ts) on the server's own answers: the legend of a
 * period of the 2021-2025 set has the 19-criteria bins, one of the 2026-2030 set the 10-criteria bins and
 * that set's levels; every commune of the answer is in exactly one class, so the legend's counts add up to
 * the scope's communes; a level keeps its colour across the sets. Read-only on the test setup's database of
 * both eras (SQLite: the classes are the client's, the engine is not what is tested). */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommuneStatus, Criteria, Status } from '../../../client/api/answers.ts';
import { setAt } from '../../../client/era/era.ts';
import { setLang } from '../../../client/i18n/i18n.ts';
import { classKey, classLabel, legendClasses } from '../../../client/map/choropleth.ts';
import { seededApis } from '../../support/api.ts';

const [sqlite] = seededApis('today');
let api: Awaited<ReturnType<NonNullable<typeof sqlite>['open']>>;
let catalogue: Criteria;
const status = async (query: string): Promise<Status> => (await (await api.request(`/api/v1/status?${query}`)).json()) as Status;

describe('colour classes of the map and its legend', () => {
  beforeAll(async () => {
    vi.stubGlobal('document', { documentElement: { lang: 'vi' } });
    api = await sqlite!.open();
    catalogue = (await (await api.request('/api/v1/criteria')).json()) as Criteria;
  });
  afterAll(async () => api?.close());
  afterEach(() => setLang('vi'));

  it('gives a period of the 2026-2030 set (10 criteria) the 10-criteria bins, and one of 2021-2025 the 19-criteria bins', async () => {
    setLang('en');
    const now = await status('period=2026-06');
    const set = setAt(catalogue, '2026-06');
    expect([now.criteria_count, set.criteria_count]).toEqual([10, 10]);
    expect(legendClasses('met', now, set.levels).map((c) => c.label)).toEqual(['Under 5 criteria', '5–7 criteria', '8–9 criteria', 'All 10 criteria', 'No data', 'Wards and special zones (not scored)']);
    const before = await status('period=2024-06&province=62');
    expect(legendClasses('met', before, setAt(catalogue, '2024-06').levels).map((c) => c.label)).toEqual(['Under 10 criteria', '10–14 criteria', '15–18 criteria', 'All 19 criteria', 'No data', 'Wards and towns (not scored)']);
  });

  it('puts every commune of an answer in one class: the legend\'s counts add up to the scope\'s communes', async () => {
    for (const [query, period] of [['period=2024-06&province=62', '2024-06'], ['period=2026-06', '2026-06']] as const) {
      const s = await status(query);
      const set = setAt(catalogue, period);
      for (const mode of ['level', 'met'] as const) {
        const legend = legendClasses(mode, s, set.levels);
        expect(legend.reduce((n, c) => n + c.count, 0), `${query} ${mode}`).toBe(s.units.communes);
        for (const c of s.communes) expect(classKey(mode, c, { count: s.criteria_count, levels: set.levels }), `${c.code} ${mode}`).not.toBeNull();
      }
      const full = legendClasses('met', s, set.levels).find((c) => c.label.includes(String(s.criteria_count)) && c.key === `b${s.criteria_count}`)!;
      expect(full.count).toBe(s.communes.filter((c) => c.met === s.criteria_count).length);
    }
  });

  it('shows the levels of the period\'s set, each level in the same colour in every set', async () => {
    const levelsOf = (period: string, s: Status) => legendClasses('level', s, setAt(catalogue, period).levels);
    const old = levelsOf('2024-06', await status('period=2024-06&province=62'));
    const now = levelsOf('2026-06', await status('period=2026-06'));
    expect(old.map((c) => c.key).slice(0, -2)).toEqual(['chua_dat', ...setAt(catalogue, '2024-06').levels]);
    expect(now.map((c) => c.key).slice(0, -2)).toEqual(['chua_dat', ...setAt(catalogue, '2026-06').levels]);
    for (const c of now) {
      const same = old.find((o) => o.key === c.key);
      if (same) expect(c.color, c.key).toBe(same.color);
    }
  });

  it('words one criterion\'s class as met or not met, in the reader\'s language', async () => {
    const s = await status('period=2024-06&province=62&criterion=17');
    const met = s.communes.find((c) => c.value === 1)!;
    const notMet = s.communes.find((c) => c.value === 0)!;
    expect([classLabel('criterion', met), classLabel('criterion', notMet)]).toEqual(['Đạt', 'Chưa đạt']);
    setLang('en');
    expect([classLabel('criterion', met), classLabel('criterion', notMet)]).toEqual(['Met', 'Not met']);
    const whole: CommuneStatus = { ...met, value: 1 };
    expect(classLabel('group', whole)).toBe('Whole group met');
  });
});
