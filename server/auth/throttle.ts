/** @module Sign-in throttling: failed attempts counted per account and per network address in a sliding window;
 * past the limit, sign-in is refused with the seconds to wait. An attempt counts from the moment it
 * starts (before the slow password check), so a burst of parallel attempts cannot slip past the limit;
 * and only a few password checks run at once in each process (each takes 32 MiB and a thread; the
 * others wait in a bounded queue, one per address, addresses without failures first). An IPv6 address counts as its /64
 * (one subscriber's network: they hold billions of addresses). A locked account lifts when its oldest
 * counted failure leaves the window, or when an admin unlocks it; a device the account signed in from
 * before (its device cookie) or a live session of the account has a budget of its own, so that a flood of
 * wrong passwords from elsewhere does not lock the owner out. Counted in the database (0006), so that every
 * app process on it shares the counts, the locks and the known devices: N processes do not give N times the
 * attempts. An attempt is counted and checked in one serialized step (db/serialized.ts). */
import { createHash, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { LOCKS, serialized } from '../db/serialized.ts';

/** How many failed sign-ins an account and an address may have in the window before they are refused. */
export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

/** Five failures per account and twenty per address in 15 minutes: enough for typos, too few for guessing. */
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

/** An attempt in flight longer than this no longer counts (its process died before it finished). */
const PENDING_MS = 120_000;
/** A device token unused for sign-in this long is forgotten (the account then counts on its shared budget). */
const DEVICE_MS = 400 * 24 * 3600_000;

/** `finish(true)`: signed in; `false`: a failure; `null`: not decided (the check never ran), not counted. */
export type Attempt = { wait: number } | { finish(succeeded: boolean | null): Promise<void> };

/** The throttle as the sign-in route uses it: ask before checking a password, record the outcome, unlock an
 * account. */
export interface SignInThrottle {
  /** Starts a sign-in attempt: either the seconds to wait (refused), or a handle to report how it ended.
   * `device`: the request's device token when it is known for this account (or a live session of it). */
  begin(account: string, address: string, now?: number, device?: string | null): Promise<Attempt>;
  /** Failed sign-ins from the address (its /64 for IPv6) in the window. */
  addressFailures(address: string, now?: number): Promise<number>;
  /** Seconds the account stays locked (0: not locked). */
  lockedFor(account: string, now?: number): Promise<number>;
  /** Lifts the account's lock (an admin's unlock); whether it was locked. */
  unlock(account: string, now?: number): Promise<boolean>;
  /** A new device token for the account (after a successful sign-in). */
  rememberDevice(account: string): Promise<string>;
  /** Whether the token was given to this account. */
  knowsDevice(account: string, token: string | undefined): Promise<boolean>;
}

type Reader = Kysely<Database> | Transaction<Database>;

/** Creates the sign-in throttle on the database, so that every process on it shares the counts and locks. */
export function createSignInThrottle(db: Kysely<Database>, limits: ThrottleLimits = DEFAULT_LIMITS): SignInThrottle {
  /** The failure times of a key in the window, oldest first, and its attempts in flight. */
  const counts = async (r: Reader, key: string, now: number) => {
    const rows = await r.selectFrom('sign_in_attempt').select(['state', 'at']).where('key', '=', key).where('at', '>', now - Math.max(limits.windowMs, PENDING_MS)).orderBy('at').execute();
    const failed = rows.filter((x) => x.state === 'failed' && x.at > now - limits.windowMs).map((x) => Number(x.at));
    const pending = rows.filter((x) => x.state === 'pending' && x.at > now - PENDING_MS).length;
    return { failed, pending };
  };
  const waitOf = ({ failed, pending }: { failed: number[]; pending: number }, limit: number, now: number): number => {
    if (failed.length + pending < limit) return 0;
    // Failures alone fill the window: wait until the oldest that counts leaves it. Else attempts still
    // running fill it: try again in a moment.
    if (failed.length >= limit) return Math.ceil((failed[failed.length - limit]! + limits.windowMs - now) / 1000);
    return 1;
  };
  const deviceKey = (account: string, token: string) => `${account}\n${createHash('sha256').update(token).digest('base64url')}`;
  return {
    async begin(account, address, now = Date.now(), device = null) {
      // A known device's attempts count on a budget of their own, not on the account's (which a flood of
      // wrong passwords from elsewhere may have filled).
      const a = device ? `d:${deviceKey(account, device)}` : `a:${account}`;
      const i = `i:${addressKey(address)}`;
      const ids = [randomBytes(12).toString('base64url'), randomBytes(12).toString('base64url')];
      const seconds = await serialized(db, LOCKS.signIn, async (trx) => {
        // Counted first (the write takes SQLite's lock), checked with the others in flight, taken back if refused.
        await trx.insertInto('sign_in_attempt').values([{ id: ids[0]!, key: a, state: 'pending', at: now }, { id: ids[1]!, key: i, state: 'pending', at: now }]).execute();
        const [ca, ci] = [await counts(trx, a, now), await counts(trx, i, now)];
        ca.pending--;
        ci.pending--;
        const wait = Math.max(waitOf(ca, limits.perAccount, now), waitOf(ci, limits.perAddress, now));
        if (wait > 0) await trx.deleteFrom('sign_in_attempt').where('id', 'in', ids).execute();
        return wait;
      });
      if (seconds > 0) return { wait: seconds };
      let finished = false;
      return {
        async finish(succeeded) {
          if (finished) return;
          finished = true;
          const at = Date.now();
          if (succeeded === false) {
            await db.updateTable('sign_in_attempt').set({ state: 'failed', at }).where('id', 'in', ids).execute();
            // Past failures are of no use: kept only for the window.
            await db.deleteFrom('sign_in_attempt').where('at', '<', at - Math.max(limits.windowMs, PENDING_MS) * 2).execute();
            return;
          }
          await db.deleteFrom('sign_in_attempt').where('id', 'in', ids).execute();
          // A success clears the account's failures (not the address's).
          if (succeeded === true) await db.deleteFrom('sign_in_attempt').where('key', 'in', [a, `a:${account}`]).where('state', '=', 'failed').execute();
        },
      };
    },
    async addressFailures(address, now = Date.now()) {
      return (await counts(db, `i:${addressKey(address)}`, now)).failed.length;
    },
    async lockedFor(account, now = Date.now()) {
      return waitOf(await counts(db, `a:${account}`, now), limits.perAccount, now);
    },
    async unlock(account, now = Date.now()) {
      const locked = waitOf(await counts(db, `a:${account}`, now), limits.perAccount, now) > 0;
      await db.deleteFrom('sign_in_attempt').where('key', '=', `a:${account}`).where('state', '=', 'failed').execute();
      return locked;
    },
    async rememberDevice(account) {
      const token = randomBytes(24).toString('base64url');
      const now = Date.now();
      await db.insertInto('sign_in_device').values({ key: deviceKey(account, token), created_at: now }).execute();
      await db.deleteFrom('sign_in_device').where('created_at', '<', now - DEVICE_MS).execute();
      return token;
    },
    async knowsDevice(account, token) {
      if (token === undefined || token.length > 64) return false;
      const row = await db.selectFrom('sign_in_device').select('key').where('key', '=', deviceKey(account, token)).where('created_at', '>', Date.now() - DEVICE_MS).executeTakeFirst();
      return row !== undefined;
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
