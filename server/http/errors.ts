/** @module The API's one error shape, `{ "error": { "code", "message", "details" } }`, and helpers to send it. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { cacheFor } from './cache.ts';

/** The API's error body, `{ error: { code, message, details } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An error body with a machine-readable code, a sentence for people and optional details (e.g. the parameter). */
export function errorBody(code: string, message: string, details?: unknown): ApiErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Sends an error body with its status, so that every route fails in the same shape. */
export function sendError(c: Context, status: ContentfulStatusCode, code: string, message: string, details?: unknown): Response {
  cacheFor(c, 'never');
  return c.json(errorBody(code, message, details), status);
}

/** An error a route throws to answer with the API's error shape (handled by the app's onError). */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
