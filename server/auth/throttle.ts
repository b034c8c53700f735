// Sign-in throttling: failed attempts counted per account and per network address in a sliding window;
// past the limit, sign-in is refused with the seconds to wait. An attempt counts from the moment it
// starts (before the slow password check), so a burst of parallel attempts cannot slip past the limit;
// and only a few password checks run at once on the whole server (each takes 32 MiB and a thread; the
// others wait in a bounded queue, one per address, addresses without failures first). An IPv6 address counts as its /64
// (one subscriber's network: they hold billions of addresses). A locked account lifts when its oldest
// counted failure leaves the window, or when an admin unlocks it; a device the account signed in from
// before (its device cookie) or a live session of the account has a budget of its own, so that a flood of
// wrong passwords from elsewhere does not lock the owner out. In memory: one server process holds it (a
// restart forgets the counts, the locks and the known devices alike).
import { createHash, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/** The key an address is counted under: IPv4 as is (also when IPv4-mapped), IPv6 by its /64 network. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Keys kept at most; past it the oldest are forgotten (never all at once, which would lift every lock). */
const MAX_KEYS = 100_000;

/** `finish(true)`: signed in; `false`: a failure; `null`: not decided (the check never ran), not counted. */
export type Attempt = { wait: number } | { finish(succeeded: boolean | null): void };

export interface SignInThrottle {
  /** Starts a sign-in attempt: either the seconds to wait (refused), or a handle to report how it ended.
   * `device`: the request's device token when it is known for this account (or a live session of it). */
  begin(account: string, address: string, now?: number, device?: string | null): Attempt;
  /** Failed sign-ins from the address (its /64 for IPv6) in the window. */
  addressFailures(address: string, now?: number): number;
  /** Seconds the account stays locked (0: not locked). */
  lockedFor(account: string, now?: number): number;
  /** Lifts the account's lock (an admin's unlock); whether it was locked. */
  unlock(account: string, now?: number): boolean;
  /** A new device token for the account (after a successful sign-in). */
  rememberDevice(account: string): string;
  /** Whether the token was given to this account. */
  knowsDevice(account: string, token: string | undefined): boolean;
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
  const devices = new Map<string, true>();
  const deviceKey = (account: string, token: string) => `${account}\u0000${createHash('sha256').update(token).digest('base64url')}`;
  return {
    begin(account, address, now = Date.now(), device = null) {
      // A known device's attempts count on a budget of their own, not on the account's (which a flood of
      // wrong passwords from elsewhere may have filled).
      const a = device ? `d:${deviceKey(account, device)}` : `a:${account}`;
      const i = `i:${addressKey(address)}`;
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
          if (succeeded === true) {
            failures.delete(a); // a success clears the account's failures (not the address's)
            failures.delete(`a:${account}`);
          } else if (succeeded === false) for (const key of [a, i]) remember(key, Date.now());
        },
      };
    },
    addressFailures(address, now = Date.now()) {
      return recent(`i:${addressKey(address)}`, now).length;
    },
    lockedFor(account, now = Date.now()) {
      return wait(`a:${account}`, limits.perAccount, now);
    },
    unlock(account, now = Date.now()) {
      const locked = wait(`a:${account}`, limits.perAccount, now) > 0;
      failures.delete(`a:${account}`);
      return locked;
    },
    rememberDevice(account) {
      const token = randomBytes(24).toString('base64url');
      devices.set(deviceKey(account, token), true);
      for (const oldest of devices.keys()) {
        if (devices.size <= MAX_KEYS) break;
        devices.delete(oldest);
      }
      return token;
    },
    knowsDevice(account, token) {
      return token !== undefined && token.length <= 64 && devices.has(deviceKey(account, token));
    },
  };
}

/** Runs password checks a few at a time, server-wide; refuses (null) past `queue` waiting in all, or past
 * `perKey` waiting for one key (an address): one address cannot fill the queue. Waiting checks run in the
 * order of their `rank` (an address's recent failures), then of arrival: an address that has not failed
 * goes before a flood's. */
export function createCheckLimiter(concurrent = 4, queue = 200, perKey = 1): <T>(check: () => Promise<T>, key?: string, rank?: number) => Promise<T> | null {
  let running = 0;
  let arrivals = 0;
  const waiting: Array<{ rank: number; seq: number; go: () => void }> = [];
  const waitingFor = new Map<string, number>();
  const next = () => {
    if (!waiting.length) return;
    let best = 0;
    for (let i = 1; i < waiting.length; i++) {
      const w = waiting[i]!;
      const b = waiting[best]!;
      if (w.rank < b.rank || (w.rank === b.rank && w.seq < b.seq)) best = i;
    }
    waiting.splice(best, 1)[0]!.go();
  };
  return (check, key = '', rank = 0) => {
    const mine = waitingFor.get(key) ?? 0;
    if (running >= concurrent && (waiting.length >= queue || mine >= perKey)) return null;
    const start = async () => {
      if (running >= concurrent) {
        waitingFor.set(key, mine + 1);
        await new Promise<void>((go) => waiting.push({ rank, seq: arrivals++, go }));
        const left = (waitingFor.get(key) ?? 1) - 1;
        if (left > 0) waitingFor.set(key, left);
        else waitingFor.delete(key);
      }
      running++;
      try {
        return await check();
      } finally {
        running--;
        next();
      }
    };
    return start();
  };
}
