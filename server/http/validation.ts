/** @module Turns a failed zod validation of a request (query, path, body) into the API's 400 error, naming the
 * parameter that is wrong and why. */
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { sendError } from './errors.ts';

/** One wrong parameter of a request: where (query, path, body), its path and why. */
export interface ParameterIssue {
  parameter: string;
  in: string;
  message: string;
}

/** The issues of a failed zod validation, each naming its parameter under `target`. */
export function issuesOf(error: ZodError, target: string): ParameterIssue[] {
  return error.issues.map((issue) => ({
    parameter: issue.path.length ? issue.path.join('.') : '(request)',
    in: target === 'param' ? 'path' : target,
    message: issue.message,
  }));
}

/** The OpenAPIHono `defaultHook`: 400 `invalid_parameter` with every issue in `details`. */
export function validationHook(result: { success: boolean; target: string; error?: ZodError }, c: Context): Response | undefined {
  if (result.success || !result.error) return undefined;
  const issues = issuesOf(result.error, result.target);
  const first = issues[0]!;
  return sendError(c, 400, 'invalid_parameter', `Parameter '${first.parameter}' (${first.in}): ${first.message}`, { issues });
}
