/** @module The legend's heading (client/map/legend-title.ts), also the widget's subtitle and the PNG's legend: it
 * names what the map is coloured by in the reader's language, with the criterion's name from the period's
 * criteria set and the number of criteria that set has. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Named } from '../../../client/api/answers.ts';
import { setLang } from '../../../client/i18n/i18n.ts';
import { legendTitle } from '../../../client/map/legend-title.ts';
import { DEFAULT_STATE } from '../../../client/state/app-state.ts';

/** What the title reads of a set (the catalogue's sets have more). */
const set = (count: number, criteria: Array<Named & { group: number | null }>) => ({
  code: count === 10 ? '2026-2030' : '2021-2025',
  valid_from: count === 10 ? '2026-02' : '2021-01',
  valid_to: null,
  criteria_count: count,
  levels: ['dat_chuan'],
  criteria,
  groups: [],
});
const SET_19 = set(19, [{ number: 17, name_vi: 'Môi trường và an toàn thực phẩm', name_en: 'Environment and food safety', group: 3 }]);
const SET_10 = set(10, [{ number: 3, name_vi: 'Y tế', name_en: 'Health', group: null }]);

describe('legend title', () => {
  beforeAll(() => vi.stubGlobal('document', { documentElement: { lang: 'vi' } }));
  afterEach(() => setLang('vi'));

  it('names the level map in Vietnamese, then in English', () => {
    expect(legendTitle({ ...DEFAULT_STATE, mode: 'level' }, SET_19)).toBe('Mức đạt chuẩn nông thôn mới');
    setLang('en');
    expect(legendTitle({ ...DEFAULT_STATE, mode: 'level', lang: 'en' }, SET_19)).toBe('New rural development level');
  });

  it('counts the criteria of the period\'s own set (19, then 10 from 2026-02)', () => {
    expect(legendTitle({ ...DEFAULT_STATE, mode: 'met' }, SET_19)).toBe('Số tiêu chí đạt (trên 19)');
    expect(legendTitle({ ...DEFAULT_STATE, mode: 'met' }, SET_10)).toBe('Số tiêu chí đạt (trên 10)');
    setLang('en');
    expect(legendTitle({ ...DEFAULT_STATE, mode: 'met', lang: 'en' }, SET_10)).toBe('Criteria met (of 10)');
  });

  it('names one criterion by its number and its name in the set, in the reader\'s language', () => {
    expect(legendTitle({ ...DEFAULT_STATE, mode: 'criterion', criterion: 17 }, SET_19)).toBe('Tiêu chí 17: Môi trường và an toàn thực phẩm');
    setLang('en');
    expect(legendTitle({ ...DEFAULT_STATE, mode: 'criterion', criterion: 3, lang: 'en' }, SET_10)).toBe('Criterion 3: Health');
    // Before the catalogue has loaded (or a number the set lacks): the number alone.
    expect(legendTitle({ ...DEFAULT_STATE, mode: 'criterion', criterion: 3, lang: 'en' }, null)).toBe('Criterion 3');
  });

  it('names a criteria group by its number', () => {
    expect(legendTitle({ ...DEFAULT_STATE, mode: 'group', group: 2 }, SET_19)).toBe('Nhóm tiêu chí 2: tỷ lệ đạt');
  });
});
