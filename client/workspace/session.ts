/** @module Who is signed in: the user from GET /auth/me (or the sign-in answer), kept for the views, and sign-out. */
import { getJson, sendJson, setCsrfToken, WorkspaceError } from './api.ts';

/** An official's role. */
export type Role = 'admin' | 'province' | 'district' | 'commune';
/** The signed-in official and their session, as sign-in and /auth/me answer. */
export interface SignedIn {
  user: {
    id: number;
    email: string;
    name: string | null;
    role: Role;
    unit: { code: string; name: string; level: 'province' | 'district' | 'commune' } | null;
    /** The unit structure of the scope: today's (no districts) or the pre-2025 one (history). */
    structure: { code: string; name_vi: string; name_en: string; valid_from: string | null; valid_to: string | null; has_districts: boolean; current: boolean };
  };
  csrf_token: string;
  expires_at: string;
}

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
    return remember(await getJson<SignedIn>('/auth/me'));
  } catch (error) {
    if (error instanceof WorkspaceError && error.status === 401) return null;
    throw error;
  }
}

/** Signs in and keeps the session; a refusal throws a WorkspaceError. */
export async function signIn(email: string, password: string): Promise<SignedIn> {
  return remember(await sendJson<SignedIn>('POST', '/auth/login', { email, password }));
}

/** Signs out of this session, or of every session of the account, and forgets it here. */
export async function signOut(everywhere: boolean): Promise<void> {
  try {
    await sendJson('POST', '/auth/logout', { everywhere });
  } finally {
    current = null;
    setCsrfToken('');
  }
}
