/** @module The map page's state in its URL (client/state/app-state.ts): every view is a permalink, so a
 * state written as a query string reads back as the same state, the default view has a bare URL, and a
 * mistyped or hostile link falls back to the default for what it got wrong and keeps the rest. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, searchFromState, stateFromSearch, type AppState, type Mode } from '../../../client/state/app-state.ts';

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
/** A coordinate as the URL keeps it (4 decimals; zoom 2). */
const fixed = (min: number, max: number, decimals: number) => fc.integer({ min: min * 10 ** decimals, max: max * 10 ** decimals }).map((n) => n / 10 ** decimals);

const month = fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

const anyState: fc.Arbitrary<AppState> = fc.record({
  province: fc.option(digits(2), { nil: null }),
  district: fc.option(digits(3), { nil: null }),
  commune: fc.option(digits(5), { nil: null }),
  mode: fc.constantFrom<Mode>('level', 'met', 'criterion', 'group'),
  criterion: fc.integer({ min: 1, max: 19 }),
  group: fc.integer({ min: 1, max: 5 }),
  period: fc.option(month, { nil: null }),
  lang: fc.constantFrom<AppState['lang']>('vi', 'en'),
  special: fc.boolean(),
  onlySpecial: fc.boolean(),
  view: fc.option(fc.record({ lon: fixed(-180, 180, 4), lat: fixed(-85, 85, 4), zoom: fixed(0, 22, 2) }), { nil: null }),
  compare: fc.option(month, { nil: null }),
  units: fc.option(fc.constantFrom<'pre2025' | '2025-07'>('pre2025', '2025-07'), { nil: null }),
});

describe('the map state in the URL', () => {
  it('reads back every state it writes (a permalink restores the view)', () => {
    fc.assert(
      fc.property(anyState, (state) => {
        const back = stateFromSearch(searchFromState(state));
        // The criterion (group) is part of the link only while the map is coloured by it.
        expect(back).toEqual({
          ...state,
          criterion: state.mode === 'criterion' ? state.criterion : DEFAULT_STATE.criterion,
          group: state.mode === 'group' ? state.group : DEFAULT_STATE.group,
          // Which units the codes mean is written only where the period does not say it and a code needs it.
          units: !state.period && (state.province || state.district || state.commune) ? state.units : null,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('writes the default view as a bare URL, and a bare URL is the default view', () => {
    expect(searchFromState(DEFAULT_STATE)).toBe('');
    expect(stateFromSearch('')).toEqual(DEFAULT_STATE);
  });

  it('writes only what differs from the default, in words a reader can edit', () => {
    const search = searchFromState({ ...DEFAULT_STATE, province: '62', mode: 'criterion', criterion: 17, period: '2024-06', lang: 'en', special: false });
    expect(new URLSearchParams(search)).toEqual(new URLSearchParams('province=62&mode=criterion&criterion=17&period=2024-06&lang=en&special=0'));
    expect(searchFromState({ ...DEFAULT_STATE, mode: 'level', criterion: 17 })).toBe('');
  });

  it('keeps what a link got right and defaults what it got wrong', () => {
    const s = stateFromSearch('?province=6&district=6100&commune=<script>&mode=evil&criterion=20&group=0&period=2024-13&lang=fr&only=special&view=200,14,8');
    expect(s).toEqual({ ...DEFAULT_STATE, onlySpecial: true });
    const t = stateFromSearch('?province=62&mode=group&group=9&period=2025-06&view=107.9,14.6,30');
    expect(t).toMatchObject({ province: '62', mode: 'group', group: DEFAULT_STATE.group, period: '2025-06', view: null });
  });

  it('reads a shared link with its map position', () => {
    expect(stateFromSearch('?province=62&view=107.9,14.6,8').view).toEqual({ lon: 107.9, lat: 14.6, zoom: 8 });
    expect(stateFromSearch('?view=107.9,14.6').view).toBeNull();
    expect(stateFromSearch('?view=a,b,c').view).toBeNull();
  });
});
