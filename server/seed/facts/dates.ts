/** @module Dates and periods as the facts files write them: "2013-01-17", "2021-03", "2025", "[2023]-04-12" (year
 * inferred by the compiler of the facts), "~2021" (approximate), "<=2020" (at the latest), "~2016-2017" (a range).
 * Periods are months "YYYY-MM"; month numbers (year * 12 + month - 1) make period arithmetic simple. */

import { isPeriod, lastDayOfMonth, monthNumber, periodOf, periodRange, type Period } from '../../period/period.ts';

export { isPeriod, lastDayOfMonth, monthNumber, periodOf, periodRange, type Period };

/** A date as a source gives it, possibly partial. */
export interface SourceDate {
  year: number;
  month: number | null;
  day: number | null;
  /** The year was inferred from context ("[2023]-04-12"). */
  yearInferred: boolean;
  /** "~": approximate. */
  approximate: boolean;
  /** "<=": at the latest. */
  atLatest: boolean;
  /** "~2016-2017": the last year of a range (year holds the end). */
  range: boolean;
}

const DATE_FORM = /^(~|<=|≤)?\s*(\[(\d{4})\]|(\d{4}))(?:-(\d{4}))?(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/**
 * Parses a source date. Returns null for an empty value; throws an Error with a short reason (the caller adds
 * file, line and column) when the value is not a date or is not a real calendar date.
 */
export function parseSourceDate(value: string, options: { allowUndated?: boolean } = {}): SourceDate | null {
  const raw = value.trim();
  if (raw === '') return null;
  if (options.allowUndated && /^undated$/i.test(raw)) return null;
  const match = DATE_FORM.exec(raw);
  if (!match) {
    throw new Error('expected a date like 2013-01-17, 2021-03 or 2025 (optionally "[2023]-04-12", "~2021", "<=2020")');
  }
  const [, prefix, , bracketYear, plainYear, rangeEnd, monthText, dayText] = match;
  const startYear = Number(bracketYear ?? plainYear);
  const year = rangeEnd !== undefined ? Number(rangeEnd) : startYear;
  if (rangeEnd !== undefined && (monthText !== undefined || year < startYear)) {
    throw new Error('expected a year range like 2016-2017');
  }
  if (year < 1990 || year > 2100) throw new Error('expected a year between 1990 and 2100');
  const month = monthText !== undefined ? Number(monthText) : null;
  const day = dayText !== undefined ? Number(dayText) : null;
  if (month !== null && (month < 1 || month > 12)) throw new Error('expected a month between 01 and 12');
  if (month !== null && day !== null && (day < 1 || day > lastDayOfMonth(year, month))) {
    throw new Error(`expected a day between 01 and ${lastDayOfMonth(year, month)} for ${year}-${pad(month)}`);
  }
  return {
    year,
    month,
    day,
    yearInferred: bracketYear !== undefined,
    approximate: prefix === '~',
    atLatest: prefix === '<=' || prefix === '≤',
    range: rangeEnd !== undefined,
  };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The full date YYYY-MM-DD when day and month are known, else null. */
export function fullDate(date: SourceDate | null): string | null {
  if (!date || date.month === null || date.day === null) return null;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** The month the date falls in; a bare year gives its December (the latest month it can mean). */
export function periodAtLatest(date: SourceDate): Period {
  return `${date.year}-${pad(date.month ?? 12)}`;
}

/** The last day the date can mean: "2025" → 2025-12-31, "2023-12" → 2023-12-31. */
export function lastDay(date: SourceDate): string {
  const month = date.month ?? 12;
  const day = date.day ?? lastDayOfMonth(date.year, month);
  return `${date.year}-${pad(month)}-${pad(day)}`;
}

/** Whether the date gives at least the month. */
export function hasMonth(date: SourceDate): boolean {
  return date.month !== null;
}
