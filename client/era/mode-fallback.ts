// A colour mode the period's criteria set lacks: `?mode=criterion&criterion=15` in 2026-11 (the 2026-2030 set
// has 10 criteria), `?mode=group` in a set without groups. No published source maps the 19 criteria of
// 318/QĐ-TTg to the 10 of 51/2025/QĐ-TTg (data/sources/facts/criteria.json: none of the 47 indicators is
// readable), so none is guessed: the map falls back to the mode's default — criterion 1, or the criteria met
// when the set has no groups — and says so in one line, never in silence.
import { formatPeriod, onLangChange, strings } from '../i18n/i18n.ts';
import type { CriteriaSet } from '../api/answers.ts';
import { DEFAULT_STATE, type AppState } from '../state/app-state.ts';

const t = strings({
  vi: {
    criterion: 'Tiêu chí {n} không có trong bộ {count} tiêu chí áp dụng cho {period}{decision}: bản đồ đang hiển thị tiêu chí {shown}.',
    group: 'Bộ tiêu chí áp dụng cho {period}{decision} không chia nhóm: bản đồ đang hiển thị số tiêu chí đạt.',
    groupNumber: 'Nhóm {n} không có trong bộ tiêu chí áp dụng cho {period}{decision}: bản đồ đang hiển thị nhóm {shown}.',
  },
  en: {
    criterion: 'Criterion {n} is not in the set of {count} criteria for {period}{decision}: the map shows criterion {shown}.',
    group: 'The criteria set for {period}{decision} has no groups: the map shows the criteria met.',
    groupNumber: 'Group {n} is not in the criteria set for {period}{decision}: the map shows group {shown}.',
  },
});

/** What the fallback reads of a criteria set: its criteria's and groups' numbers, its size and decision. */
export interface FallbackSet {
  criteria: ReadonlyArray<Pick<CriteriaSet['criteria'][number], 'number'>>;
  groups: ReadonlyArray<Pick<CriteriaSet['groups'][number], 'number'>>;
  criteria_count: CriteriaSet['criteria_count'];
  decision?: CriteriaSet['decision'] | undefined;
}

/** What the state asked for and what is shown instead. */
export interface ModeFallback {
  /** The state change to make (replacing the history entry: the link is corrected, not a new step). */
  patch: Partial<Pick<AppState, 'mode' | 'criterion' | 'group'>>;
  kind: 'criterion' | 'group' | 'groupNumber';
  /** The number the link asked for. */
  asked: number;
  /** The month and the set it was read in. */
  period: string;
  count: number;
  decision: string | null;
}

/** The fallback for a state whose criterion or group the period's set lacks; null when the set has it. */
export function modeFallback(s: Pick<AppState, 'mode' | 'criterion' | 'group'>, set: FallbackSet, period: string): ModeFallback | null {
  const base = { period, count: set.criteria_count, decision: set.decision ?? null };
  if (s.mode === 'criterion' && !set.criteria.some((c) => c.number === s.criterion)) {
    // Every set has a criterion 1 (Quy hoạch in both, but that is not a claim that 15 became 1: it is the default).
    const shown = set.criteria.some((c) => c.number === DEFAULT_STATE.criterion) ? DEFAULT_STATE.criterion : (set.criteria[0]?.number ?? DEFAULT_STATE.criterion);
    return { ...base, patch: { criterion: shown }, kind: 'criterion', asked: s.criterion };
  }
  if (s.mode === 'group' && !set.groups.some((g) => g.number === s.group)) {
    const shown = set.groups.some((g) => g.number === DEFAULT_STATE.group) ? DEFAULT_STATE.group : set.groups[0]?.number;
    return shown === undefined
      ? { ...base, patch: { mode: 'met' }, kind: 'group', asked: s.group }
      : { ...base, patch: { group: shown }, kind: 'groupNumber', asked: s.group };
  }
  return null;
}

/** The one-line note, in the page's language. */
export function modeFallbackNotice(f: ModeFallback): string {
  const decision = f.decision ? ` (${f.decision})` : '';
  const shown = f.kind === 'criterion' ? f.patch.criterion : f.patch.group;
  return t(f.kind, { n: f.asked, count: f.count, period: formatPeriod(f.period), decision, shown: shown ?? '' });
}

/** The note's element (a map control, top left under the moved-unit notice, so that it never resizes the map):
 * shown while the reader looks at the fallback view, gone at their next change of mode, criterion, group or
 * period. */
export function createModeNotice(): { element: HTMLElement; show: (f: ModeFallback, shownKey: string) => void; follow: (key: string) => void } {
  const element = document.createElement('p');
  element.id = 'mode-notice';
  element.className = 'maplibregl-ctrl mode-notice';
  element.setAttribute('role', 'status');
  element.hidden = true;
  let current: { fallback: ModeFallback; key: string } | null = null;
  const render = () => {
    element.hidden = current === null;
    element.textContent = current ? modeFallbackNotice(current.fallback) : '';
  };
  onLangChange(render);
  return {
    element,
    show: (fallback, key) => {
      current = { fallback, key };
      render();
    },
    follow: (key) => {
      if (current && current.key !== key) {
        current = null;
        render();
      }
    },
  };
}

/** What the note is about: the mode, its criterion or group, and the period. */
export const modeKey = (s: Pick<AppState, 'mode' | 'criterion' | 'group' | 'period'>): string => `${s.mode}|${s.mode === 'criterion' ? s.criterion : s.mode === 'group' ? s.group : ''}|${s.period ?? ''}`;
