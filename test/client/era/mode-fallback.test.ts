// A colour mode the period's criteria set lacks (client/era/mode-fallback.ts): `criterion=15` in a month of the
// 10 criteria of 2026-2030 falls back to criterion 1 and says so (no source maps the old criteria to the new,
// so none is guessed); a group in a set without groups shows the criteria met, with a note; a criterion or
// group the set has is kept.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FallbackSet, modeFallback, modeFallbackNotice, modeKey } from '../../../client/era/mode-fallback.ts';
import { setLang } from '../../../client/i18n/i18n.ts';
import { DEFAULT_STATE } from '../../../client/state/app-state.ts';

const entries = (n: number, group: (i: number) => number | null) => Array.from({ length: n }, (_, i) => ({ number: i + 1, name_vi: `TC ${i + 1}`, name_en: `C ${i + 1}`, group: group(i + 1) }));
const old: FallbackSet = {
  criteria: entries(19, (n) => Math.min(5, Math.ceil(n / 4))), groups: entries(5, () => null), criteria_count: 19, decision: '318/QĐ-TTg',
};
const today: typeof old = { criteria: entries(10, () => null), groups: [], criteria_count: 10, decision: '51/2025/QĐ-TTg' };

describe('a mode the period\'s criteria set lacks', () => {
  beforeAll(() => vi.stubGlobal('document', { documentElement: { lang: 'vi' } }));
  afterEach(() => setLang('vi'));

  it('criterion 15 in 2026-11: criterion 1, with a note naming the set and the month', () => {
    const f = modeFallback({ ...DEFAULT_STATE, mode: 'criterion', criterion: 15 }, today, '2026-11')!;
    expect(f.patch).toEqual({ criterion: 1 });
    expect(modeFallbackNotice(f)).toBe('Tiêu chí 15 không có trong bộ 10 tiêu chí áp dụng cho tháng 11/2026 (51/2025/QĐ-TTg): bản đồ đang hiển thị tiêu chí 1.');
    setLang('en');
    expect(modeFallbackNotice(f)).toBe('Criterion 15 is not in the set of 10 criteria for November 2026 (51/2025/QĐ-TTg): the map shows criterion 1.');
  });

  it('keeps a criterion the set has, in either era', () => {
    expect(modeFallback({ ...DEFAULT_STATE, mode: 'criterion', criterion: 15 }, old, '2024-06')).toBeNull();
    expect(modeFallback({ ...DEFAULT_STATE, mode: 'criterion', criterion: 10 }, today, '2026-11')).toBeNull();
    // Another mode does not read the criterion.
    expect(modeFallback({ ...DEFAULT_STATE, mode: 'met', criterion: 15 }, today, '2026-11')).toBeNull();
  });

  it('a group in a set without groups: the criteria met, with a note; a group the set lacks: the first group', () => {
    const f = modeFallback({ ...DEFAULT_STATE, mode: 'group', group: 3 }, today, '2026-11')!;
    expect(f.patch).toEqual({ mode: 'met' });
    expect(modeFallbackNotice(f)).toBe('Bộ tiêu chí áp dụng cho tháng 11/2026 (51/2025/QĐ-TTg) không chia nhóm: bản đồ đang hiển thị số tiêu chí đạt.');
    expect(modeFallback({ ...DEFAULT_STATE, mode: 'group', group: 3 }, old, '2024-06')).toBeNull();
    const three = { ...old, groups: old.groups.slice(0, 3) };
    expect(modeFallback({ ...DEFAULT_STATE, mode: 'group', group: 5 }, three, '2024-06')!.patch).toEqual({ group: 1 });
  });

  it('the note belongs to the view it was made for: mode, its criterion, period', () => {
    const shown = modeKey({ ...DEFAULT_STATE, mode: 'criterion', criterion: 1, period: null });
    const english = { ...DEFAULT_STATE, mode: 'criterion' as const, criterion: 1, period: null, lang: 'en' as const };
    expect(modeKey(english)).toBe(shown);
    expect(modeKey({ ...DEFAULT_STATE, mode: 'criterion', criterion: 2, period: null })).not.toBe(shown);
    expect(modeKey({ ...DEFAULT_STATE, mode: 'criterion', criterion: 1, period: '2026-05' })).not.toBe(shown);
    expect(modeKey({ ...DEFAULT_STATE, mode: 'met', criterion: 1, period: null })).not.toBe(shown);
  });
});
