/** @module Field schemas of the workspace's record forms (recognitions, revocations, targets, plans): dates, links,
 * decision numbers and free text, validated with messages that say what is expected. */
import { z } from '@hono/zod-openapi';

/** Today's date in Vietnam (UTC+7), YYYY-MM-DD: a decision cannot be dated after it. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A calendar date YYYY-MM-DD from 1990 on, as decisions are dated. */
export const DateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD, e.g. 2024-03-15')
  .refine(isCalendarDate, 'not a calendar date')
  .refine((v) => v >= '1990-01-01', 'expected a date from 1990 on');

/** A date no later than today (Vietnam time). */
export const PastDateField = DateField.refine((v) => v <= todayInVietnam(), 'is in the future');

/** Text of one line (no control characters), trimmed, non-empty. */
export const lineField = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'expected a value')
    .max(max, { message: `expected at most ${max} characters`, abort: true })
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'control characters are not allowed');

/** Free text (may span lines), trimmed, non-empty. */
export const textField = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'expected a value')
    .max(max, { message: `expected at most ${max} characters`, abort: true })
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'control characters are not allowed');

/** An http(s) link. The pattern is linear (one host character, then any non-space: two overlapping repeated
 * classes here once made a 120 KB body hold the server for 16 s), and it never runs on an over-long value
 * (`abort`: zod would otherwise go on to the pattern after the length check failed). */
export const HttpUrlField = z
  .string()
  .trim()
  .max(2000, { message: 'expected at most 2000 characters', abort: true })
  .regex(/^https?:\/\/[^\s/?#]\S*$/i, 'expected an http(s) URL');

/** A level a plan targets (the 2021-2025 levels and hiện đại of 2026-2030; the due period's set decides which apply). */
export const RecognitionLevelField = z.enum(['dat_chuan', 'nang_cao', 'kieu_mau', 'hien_dai']);

/** A record's numeric id as a path parameter. */
export const RecordIdParam = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, 'expected a record id (a positive integer)')
  .openapi({ param: { name: 'id', in: 'path' }, example: '1' });
