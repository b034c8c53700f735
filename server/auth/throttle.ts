// Sign-in throttling: failed attempts counted per account and per network address in a sliding window;
// past the limit, sign-in is refused with the seconds to wait. An attempt counts from the moment it
// starts (before the slow password check), so a burst of parallel attempts cannot slip past the limit;
// and only a few password checks run at once on the whole server (each takes 32 MiB and a thread; the
// others wait in a bounded queue). In memory: one server process holds it (a restart forgets the counts).
export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/** Keys kept at most; past it the oldest are forgotten (never all at once, which would lift every lock). */
const MAX_KEYS = 100_000;

/** `finish(true)`: signed in; `false`: a failure; `null`: not decided (the check never ran), not counted. */
export type Attempt = { wait: number } | { finish(succeeded: boolean | null): void };

export interface SignInThrottle {
  /** Starts a sign-in attempt: either the seconds to wait (refused), or a handle to report how it ended. */
  begin(account: string, address: string, now?: number): Attempt;
}

export function createSignInThrottle(limits: ThrottleLimits = DEFAULT_LIMITS): SignInThrottle {
  const failures = new Map<string, number[]>();
  const pending = new Map<string, number>();
  const recent = (key: string, now: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((t) => t > now - limits.windowMs);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  const wait = (key: string, limit: number, now: number): number => {
    const times = recent(key, now);
    const inFlight = pending.get(key) ?? 0;
    if (times.length + inFlight < limit) return 0;
    // Failures alone fill the window: wait until the oldest that counts leaves it. Else attempts still
    // running fill it: try again in a moment.
    if (times.length >= limit) return Math.ceil((times[times.length - limit]! + limits.windowMs - now) / 1000);
    return 1;
  };
  const bump = (key: string, by: number) => {
    const n = (pending.get(key) ?? 0) + by;
    if (n > 0) pending.set(key, n);
    else pending.delete(key);
  };
  const remember = (key: string, at: number) => {
    const times = [...recent(key, at), at];
    failures.delete(key); // re-insert: the most recently failed last
    failures.set(key, times);
    for (const oldest of failures.keys()) {
      if (failures.size <= MAX_KEYS) break;
      failures.delete(oldest);
    }
  };
  return {
    begin(account, address, now = Date.now()) {
      const a = `a:${account}`;
      const i = `i:${address}`;
      const seconds = Math.max(wait(a, limits.perAccount, now), wait(i, limits.perAddress, now));
      if (seconds > 0) return { wait: seconds };
      bump(a, 1);
      bump(i, 1);
      let finished = false;
      return {
        finish(succeeded) {
          if (finished) return;
          finished = true;
          bump(a, -1);
          bump(i, -1);
          if (succeeded === true) failures.delete(a); // a success clears the account's failures (not the address's)
          else if (succeeded === false) for (const key of [a, i]) remember(key, Date.now());
        },
      };
    },
  };
}

/** Runs password checks a few at a time, server-wide; past `queue` waiting, refuses (null). */
export function createCheckLimiter(concurrent = 4, queue = 200): <T>(check: () => Promise<T>) => Promise<T> | null {
  let running = 0;
  const waiting: Array<() => void> = [];
  return (check) => {
    if (running >= concurrent && waiting.length >= queue) return null;
    const start = async () => {
      if (running >= concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
      running++;
      try {
        return await check();
      } finally {
        running--;
        waiting.shift()?.();
      }
    };
    return start();
  };
}
