/** @module What each side of the comparison draws: the month before and the colour mode of the left side. */
import type { App } from '../app.ts';
import type { CriteriaSet } from '../api/answers.ts';
import type { AppState, Mode } from '../state/app-state.ts';

/** The month before of a comparison: the one in the URL when the old units had it, else their last month. */
export function beforePeriod(app: App, s: AppState): string {
  const first = app.health.structures?.[0];
  const last = first?.valid_to ?? '2025-06';
  return s.compare && s.compare <= last ? s.compare : last;
}

/** The mode the left side is coloured in: the page's, unless it names a criterion or group of another set. */
export function beforeMode(s: AppState, before: CriteriaSet, after: CriteriaSet): Mode {
  return (s.mode === 'criterion' || s.mode === 'group') && before.code !== after.code ? 'met' : s.mode;
}
