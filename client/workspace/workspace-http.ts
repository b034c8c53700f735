/** @module The workspace's calls to the server, through the client's one request helper (client/api/http.ts):
 * JSON in and out, the session cookie sent by the browser, the CSRF token (given at sign-in and by /auth/me)
 * added to every state-changing request. An error answer is an ApiFailure, which views show next to the
 * field it names. */
import { ApiFailure, requestJson } from '../api/http.ts';

let csrfToken = '';
/** The token the server gave this session, sent back on every write. */
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

const BASE = '/api/v1';

function request<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extra };
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken;
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  return requestJson<T>(`${BASE}${path}`, init);
}

/** A GET of the workspace's API (path under /api/v1), never kept: an official sees what is stored now. */
export const workspaceGet = <T>(path: string): Promise<T> => request<T>('GET', path);
/** A write with a JSON body; null for a 204. */
export const workspaceSend = <T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>): Promise<T> => request<T>(method, path, body, headers);
/** A file upload (multipart form). */
export const workspaceUpload = <T>(path: string, form: FormData): Promise<T> => request<T>('POST', path, form);

/** Field errors of a 400 (`details.issues`), by parameter path. */
export function fieldErrors(error: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!(error instanceof ApiFailure)) return out;
  const issues = (error.details?.issues ?? []) as Array<{ parameter: string; message: string }>;
  for (const issue of issues) if (!out.has(issue.parameter)) out.set(issue.parameter, issue.message);
  return out;
}
