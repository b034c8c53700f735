/** @module Who is signed in: the user from GET /auth/me (or the sign-in answer), kept for the views, and sign-out. */
import type { SignedIn } from '../api/answers.ts';
import { ApiFailure } from '../api/http.ts';
import { workspaceGet, workspaceSend, setCsrfToken } from './workspace-http.ts';


let current: SignedIn | null = null;
/** The session in use, or null before sign-in. */
export const signedIn = (): SignedIn | null => current;

/** Keeps a session (and its CSRF token for the requests that follow). */
export function remember(session: SignedIn): SignedIn {
  current = session;
  setCsrfToken(session.csrf_token);
  return session;
}

/** The session, or null when nobody is signed in. */
export async function loadSession(): Promise<SignedIn | null> {
  try {
    return remember(await workspaceGet<SignedIn>('/auth/me'));
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return null;
    throw error;
  }
}

/** Signs in and keeps the session; a refusal throws a WorkspaceError. */
export async function signIn(email: string, password: string): Promise<SignedIn> {
  return remember(await workspaceSend<SignedIn>('POST', '/auth/login', { email, password }));
}

/** Signs out of this session, or of every session of the account, and forgets it here. */
export async function signOut(everywhere: boolean): Promise<void> {
  try {
    await workspaceSend('POST', '/auth/logout', { everywhere });
  } finally {
    current = null;
    setCsrfToken('');
  }
}
