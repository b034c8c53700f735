// The one-line notice shown when a link names a unit that is no unit in the period's structure (an old
// province after 1/7/2025, a new one before): what it was and what it became, with the date of the reform.
import { strings } from '../i18n/i18n.ts';

const t = strings({
  vi: { forward: '{from} → {to} từ 1/7/2025', forwardMany: '{from} → {to} từ 1/7/2025', backward: '{from}: trước 1/7/2025 là {to}', and: ', ' },
  en: { forward: '{from} is part of {to} since 1/7/2025', forwardMany: '{from} is now within {to} since 1/7/2025', backward: '{from} was {to} before 1/7/2025', and: ', ' },
});

/** A unit the link named, the units of the period's structure it became (or came from), and the direction. */
export interface MovedUnit {
  from: { code: string; name: string };
  to: ReadonlyArray<{ code: string; name: string }>;
  period: string;
  /** true: an old unit after the reform (it became `to`); false: a new unit before it (it was made of `to`). */
  forward: boolean;
}

/** "Tỉnh Kon Tum → Tỉnh Quảng Ngãi từ 1/7/2025" (at most three names, then "…"). */
export function successorNotice(m: MovedUnit): string {
  const names = m.to.slice(0, 3).map((u) => u.name).join(t('and')) + (m.to.length > 3 ? ` (+${m.to.length - 3})` : '');
  // An old unit spread over several new ones (a district's communes) is "within" them, not "part of" them.
  return t(m.forward ? (m.to.length > 1 ? 'forwardMany' : 'forward') : 'backward', { from: m.from.name, to: names });
}
