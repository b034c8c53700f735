// What the map is coloured by, in words (the legend's heading, the widget's subtitle, the PNG's legend):
// the level, the criteria met, one criterion with its name, or one criteria group with its name.
import type { CriteriaSet, Named } from '../api/answers.ts';
import { strings } from '../i18n/i18n.ts';
import type { AppState } from '../state/app-state.ts';

const t = strings({
  vi: { level: 'Mức đạt chuẩn nông thôn mới', met: 'Số tiêu chí đạt (trên {n})', metAny: 'Số tiêu chí đạt', criterion: 'Tiêu chí {n}', group: 'Nhóm tiêu chí {n}: tỷ lệ đạt' },
  en: { level: 'New rural development level', met: 'Criteria met (of {n})', metAny: 'Criteria met', criterion: 'Criterion {n}', group: 'Criteria group {n}: share met' },
});

/** What the heading needs of a criteria set: its count, and its criteria's names when known. */
type TitleSet = Pick<CriteriaSet, 'criteria_count'> & { criteria?: readonly Named[] };

/** The heading for a state's mode; criterion and group names come from the catalogue's set when given. */
export function legendTitle(s: Pick<AppState, 'mode' | 'criterion' | 'group' | 'lang'>, set: TitleSet | null | undefined): string {
  const name = (list: readonly Named[] | undefined, n: number) => {
    const hit = list?.find((c) => c.number === n);
    return hit ? `: ${s.lang === 'en' ? hit.name_en : hit.name_vi}` : '';
  };
  if (s.mode === 'criterion') return `${t('criterion', { n: s.criterion })}${name(set?.criteria, s.criterion)}`;
  if (s.mode === 'group') return t('group', { n: s.group });
  // Without its set the count is not known: no number rather than the wrong era's.
  if (s.mode === 'met') return set ? t('met', { n: set.criteria_count }) : t('metAny');
  return t(s.mode);
}
