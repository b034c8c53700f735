/** @module Password hashing with Node's scrypt (memory-hard: N=2^15, r=8 uses 32 MiB per hash), stored as
 * "scrypt$N$r$p$salt$hash" so that the cost can be raised later without invalidating stored hashes. */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
/** The shortest password an account may be given (users.ts checks it when an account is created). */
export const MIN_PASSWORD_LENGTH = 12;

function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }): Promise<Buffer> {
  const opts: ScryptOptions = { ...options, maxmem: 128 * options.N * options.r * 2 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, opts, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Hashes a password with scrypt and a fresh salt, in the self-describing form verifyPassword reads. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether `password` matches the stored hash (constant-time comparison; false for a malformed hash). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  const key = await derive(password, salt, { N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password: verified against when the e-mail is unknown, so that a wrong address
 * takes as long as a wrong password (no account enumeration by timing). */
export const DUMMY_HASH = hashPassword(randomBytes(24).toString('base64url'));
