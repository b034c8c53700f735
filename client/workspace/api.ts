/** @module The workspace's calls to the server: JSON in and out, the session cookie sent by the browser, the
 * CSRF token (given at sign-in and by /auth/me) added to every state-changing request, and the API's
 * error body turned into a WorkspaceError that views show next to the field it names. */

/** The API's error body as the workspace reads it. */
export interface ApiErrorShape { code: string; message: string; details?: unknown }

/** A refused request: its HTTP status, the API's code and message, details (e.g. the field issues) and Retry-After,
 * so that views can say what to fix. */
export class WorkspaceError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown, readonly retryAfter?: number) {
    super(message);
  }
}

let csrfToken = '';
/** Keeps the session's CSRF token (from sign-in or /auth/me) for every state-changing request. */
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

const BASE = '/api/v1';

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (method !== 'GET' && method !== 'HEAD') (init.headers as Record<string, string>)['X-CSRF-Token'] = csrfToken;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${BASE}${path}`, init);
  if (!res.ok) {
    let error: ApiErrorShape = { code: 'http_error', message: `${res.status} ${res.statusText}` };
    try {
      error = ((await res.json()) as { error: ApiErrorShape }).error ?? error;
    } catch {
      // not JSON: keep the status line
    }
    throw new WorkspaceError(res.status, error.code, error.message, error.details, Number(res.headers.get('Retry-After')) || undefined);
  }
  return res;
}

/** GETs a workspace path under /api/v1 and reads its JSON; a refusal throws a WorkspaceError. */
export async function getJson<T>(path: string): Promise<T> {
  return (await (await send('GET', path)).json()) as T;
}
/** Sends a JSON body (with the CSRF token) and reads the JSON answer (null for a 204); a refusal throws a
 * WorkspaceError. */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  const res = await send(method, path, body, headers);
  return (res.status === 204 ? null : await res.json()) as T;
}
/** POSTs a multipart form (an uploaded file, with the CSRF token) and reads the JSON answer. */
export async function sendForm<T>(path: string, form: FormData): Promise<T> {
  return (await (await send('POST', path, form)).json()) as T;
}

/** Field errors of a 400 (`details.issues`), by parameter path. */
export function fieldErrors(error: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!(error instanceof WorkspaceError)) return out;
  const issues = (error.details as { issues?: Array<{ parameter: string; message: string }> } | undefined)?.issues ?? [];
  for (const issue of issues) if (!out.has(issue.parameter)) out.set(issue.parameter, issue.message);
  return out;
}
