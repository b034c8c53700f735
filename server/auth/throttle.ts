// Sign-in throttling: failed attempts counted per account and per network address in a sliding window;
// past the limit, sign-in is refused with the seconds to wait. In memory: one server process holds it
// (a restart forgets the counts, which only ever helps a legitimate user).
export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

export interface SignInThrottle {
  /** Seconds to wait before another attempt for this account or address; 0 when allowed. */
  retryAfter(account: string, address: string, now?: number): number;
  fail(account: string, address: string, now?: number): void;
  /** A successful sign-in clears the account's failures (not the address's). */
  succeed(account: string): void;
}

export function createSignInThrottle(limits: ThrottleLimits = DEFAULT_LIMITS): SignInThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((t) => t > now - limits.windowMs);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  const wait = (key: string, limit: number, now: number): number => {
    const times = recent(key, now);
    if (times.length < limit) return 0;
    return Math.ceil((times[times.length - limit]! + limits.windowMs - now) / 1000);
  };
  return {
    retryAfter(account, address, now = Date.now()) {
      return Math.max(wait(`a:${account}`, limits.perAccount, now), wait(`i:${address}`, limits.perAddress, now));
    },
    fail(account, address, now = Date.now()) {
      for (const key of [`a:${account}`, `i:${address}`]) failures.set(key, [...recent(key, now), now]);
      if (failures.size > 100_000) failures.clear(); // bounded memory under a flood of made-up accounts
    },
    succeed(account) {
      failures.delete(`a:${account}`);
    },
  };
}
