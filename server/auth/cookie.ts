/** @module The session cookie: HttpOnly, SameSite=Lax, Path=/. Over HTTPS it is Secure and named with the
 * `__Host-` prefix, so that the browser takes it only from this very host over HTTPS: no subdomain and no
 * plain-HTTP page can plant or overwrite it. A local run over plain HTTP uses the bare name (browsers
 * refuse a `__Host-` cookie without Secure). HTTPS is the request's scheme, or X-Forwarded-Proto from a
 * TLS-terminating proxy trusted with NTM_TRUST_PROXY=1. */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isHttpsRequest } from '../http/origin.ts';

/** The session cookie's bare name; over HTTPS it is sent with the `__Host-` prefix. */
export const SESSION_COOKIE = 'ntm_session';

/** Whether the request came over HTTPS (directly or through a trusted proxy): it decides the cookies' Secure flag
 * and prefix. */
export const isHttps = (c: Context): boolean => isHttpsRequest(c);

/** The session token the request carries, under the name its scheme calls for. */
export const readSessionCookie = (c: Context): string | undefined => (isHttps(c) ? getCookie(c, SESSION_COOKIE, 'host') : getCookie(c, SESSION_COOKIE));

/** Sets the session cookie (HttpOnly, SameSite=Lax, Secure and `__Host-` over HTTPS) for `maxAgeSeconds`. */
export function writeSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  const options = { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: maxAgeSeconds } as const;
  if (isHttps(c)) setCookie(c, SESSION_COOKIE, token, { ...options, secure: true, prefix: 'host' });
  else setCookie(c, SESSION_COOKIE, token, options);
}

/** Removes the session cookie under the name this scheme gives it (`__Host-` over HTTPS). */
export function clearSessionCookie(c: Context): void {
  if (isHttps(c)) deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, prefix: 'host' });
  else deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** The device cookie: a random token given at each successful sign-in, by which the sign-in throttle knows
 * the account's own browser (a year; SameSite=Strict, HttpOnly; `__Host-` over HTTPS). */
export const DEVICE_COOKIE = 'ntm_device';

/** The device cookie's token, if the browser sent one under the name this scheme uses. */
export const readDeviceCookie = (c: Context): string | undefined => (isHttps(c) ? getCookie(c, DEVICE_COOKIE, 'host') : getCookie(c, DEVICE_COOKIE));

/** Sets the device cookie after a successful sign-in, so that this browser keeps its own sign-in budget when the
 * account is under attack. */
export function writeDeviceCookie(c: Context, token: string): void {
  const options = { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 365 * 86_400 } as const;
  if (isHttps(c)) setCookie(c, DEVICE_COOKIE, token, { ...options, secure: true, prefix: 'host' });
  else setCookie(c, DEVICE_COOKIE, token, options);
}
