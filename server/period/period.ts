/** @module Periods are months, written YYYY-MM: validation, month numbers for arithmetic, ranges. */
import { z } from 'zod';

/** A month as YYYY-MM, the unit of every figure. */
export type Period = string; // YYYY-MM

/** A month YYYY-MM, month 01 to 12. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A month as a zod schema, with the message a wrong one gets. */
export const PeriodSchema = z.string().regex(PERIOD_PATTERN, 'expected a month as YYYY-MM, e.g. 2024-06');

/** Whether a text is a month YYYY-MM. */
export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

/** "2021-06" → 2021 * 12 + 5. */
export function monthNumber(period: Period): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

/** 2021 * 12 + 5 → "2021-06". */
export function periodOf(month: number): Period {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  return `${year}-${m < 10 ? '0' : ''}${m}`;
}

/** The month `months` after (or before, when negative) a month. */
export function addMonths(period: Period, months: number): Period {
  return periodOf(monthNumber(period) + months);
}

/** Every period from `first` to `last`, inclusive. */
export function periodRange(first: Period, last: Period): Period[] {
  const out: Period[] = [];
  for (let m = monthNumber(first); m <= monthNumber(last); m++) out.push(periodOf(m));
  return out;
}

/** The number of days of a month (1-12) of a year. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of a period as YYYY-MM-DD (to compare with dated decisions). */
export function lastDayOf(period: Period): string {
  return `${period}-${lastDayOfMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)))}`;
}
