// Vietnamese (default) and English: each module declares its own strings beside its code with
// `strings({ vi, en })` (the English table must have the same keys), and numbers and dates are formatted
// for the current language.
import type { Lang } from '../state/app-state.ts';

let current: Lang = 'vi';
const listeners = new Set<() => void>();

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  document.documentElement.lang = lang;
  for (const l of listeners) l();
}
export const getLang = (): Lang => current;
export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

type Params = Record<string, string | number>;
type Table = Record<string, string>;

/** A module's strings; `{name}` placeholders are filled from params. */
export function strings<T extends Table>(tables: { vi: T; en: { [K in keyof T]: string } }): (key: keyof T, params?: Params) => string {
  return (key, params) => {
    const text = (tables[current] as Table)[key as string] ?? (tables.vi as Table)[key as string] ?? String(key);
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? formatValue(params[name]!) : `{${name}}`)) : text;
  };
}

function formatValue(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** One formatter per language and options: making an Intl.NumberFormat costs far more than using one. */
const formatters = new Map<string, Intl.NumberFormat>();
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const locale = current === 'vi' ? 'vi-VN' : 'en-GB';
  const key = `${locale} ${options ? JSON.stringify(options) : ''}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(locale, options)));
  return formatter.format(value);
}

export function formatPercent(share: number, digits = 0): string {
  return formatNumber(share, { style: 'percent', maximumFractionDigits: digits });
}

/** "2024-06" → "tháng 6/2024" or "June 2024". */
export function formatPeriod(period: string): string {
  const [y, m] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  if (current === 'vi') return `tháng ${m}/${y}`;
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
