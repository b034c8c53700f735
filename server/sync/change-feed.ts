/** @module Tells every app process on one database what another one wrote, so that each drops what it cached of it
 * within a second. PostgreSQL: NOTIFY on the writer's side, LISTEN on a dedicated client in every process.
 * SQLite (several processes on one file): a row in `data_change`, which every process polls every 250 ms
 * (an index lookup of the largest id). A process ignores its own messages: its write already did the same. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import type { NtmDatabase } from '../db/database.ts';

/** What a write changed: `reviews`, the months written (a new month joins the period list);
 * `recognitions`, the standings; `everything`, re-read all of it (a message too large, or some missed). */
export interface DataChange {
  reviews?: readonly string[];
  recognitions?: boolean;
  everything?: boolean;
}

const ChangeMessage = z.object({
  origin: z.string().max(64),
  reviews: z.array(z.string().max(16)).max(10_000).optional(),
  recognitions: z.boolean().optional(),
  everything: z.boolean().optional(),
});

/** How the processes on one database tell each other of writes, so that each clears its caches (see the module
 * header). */
export interface ChangeFeed {
  /** This process's id in the messages. */
  origin: string;
  /** Tells the other processes (after the write committed). */
  publish(change: DataChange): Promise<void>;
  /** Calls `apply` for every change another process publishes, until the returned function is called. */
  follow(apply: (change: DataChange) => Promise<void>): Promise<() => Promise<void>>;
}

const CHANNEL = 'ntm_data_changed';
/** NOTIFY payloads stop at 8,000 bytes: a larger change is sent as "everything". */
const MAX_PAYLOAD = 7_000;
const POLL_MS = 250;
/** Rows of `data_change` kept (a process reads only those after the last it saw). */
const KEEP_ROWS = 1_000;

/** Creates the change feed: LISTEN/NOTIFY on PostgreSQL, polling the data_change table on SQLite. */
export function createChangeFeed(ndb: NtmDatabase): ChangeFeed {
  const origin = randomUUID();
  const encode = (change: DataChange): string => {
    const text = JSON.stringify({ origin, ...change });
    return text.length <= MAX_PAYLOAD ? text : JSON.stringify({ origin, everything: true });
  };
  const decode = (text: string): (DataChange & { origin: string }) | null => {
    try {
      const parsed = ChangeMessage.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : { origin: '', everything: true }; // unknown shape: re-read it all
    } catch {
      return { origin: '', everything: true };
    }
  };
  // Each process applies the messages one after the other, in order.
  const serially = (apply: (change: DataChange) => Promise<void>) => {
    let queue = Promise.resolve();
    return (change: DataChange) => {
      queue = queue.then(() => apply(change)).catch((error: unknown) => console.error(`[sync] applying another process's change failed: ${error instanceof Error ? error.message : String(error)}`));
    };
  };

  if (ndb.engine === 'postgres') {
    return {
      origin,
      async publish(change) {
        await ndb.db.selectNoFrom((eb) => eb.fn<string>('pg_notify', [eb.val(CHANNEL), eb.val(encode(change))]).as('sent')).execute();
      },
      async follow(apply) {
        const run = serially(apply);
        let client: pg.Client | null = null;
        let stopped = false;
        let retry: NodeJS.Timeout | null = null;
        const connect = async (again: boolean): Promise<void> => {
          const c = new pg.Client({ connectionString: ndb.url });
          c.on('notification', (message) => {
            if (message.channel !== CHANNEL) return;
            const change = decode(message.payload ?? '');
            if (change && change.origin !== origin) run(change);
          });
          const lost = (error?: Error) => {
            if (stopped || client !== c) return;
            client = null;
            console.error(`[sync] lost the LISTEN connection${error ? `: ${error.message}` : ''}; reconnecting`);
            c.removeAllListeners('end');
            void c.end().catch(() => undefined);
            retry = setTimeout(() => void connect(true), 1000);
          };
          c.on('error', lost);
          c.on('end', () => lost());
          client = c;
          try {
            await c.connect();
            await c.query(`LISTEN ${CHANNEL}`);
            // Messages sent while disconnected are lost: re-read everything once listening again.
            if (again) run({ everything: true });
          } catch (error) {
            if (!again) {
              client = null;
              c.removeAllListeners();
              await c.end().catch(() => undefined);
              throw error;
            }
            lost(error as Error);
          }
        };
        await connect(false);
        return async () => {
          stopped = true;
          if (retry) clearTimeout(retry);
          const c = client;
          client = null;
          await c?.end().catch(() => undefined);
        };
      },
    };
  }

  let published = 0;
  return {
    origin,
    async publish(change) {
      const row = await ndb.db.insertInto('data_change').values({ at: Date.now(), origin, what: encode(change) }).returning('id').executeTakeFirstOrThrow();
      if (++published % 100 === 0) await ndb.db.deleteFrom('data_change').where('id', '<=', row.id - KEEP_ROWS).execute();
    },
    async follow(apply) {
      const run = serially(apply);
      const lastId = async () => (await ndb.db.selectFrom('data_change').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0;
      let last = Number(await lastId());
      let busy = false;
      const poll = async () => {
        if (busy) return;
        busy = true;
        try {
          const rows = await ndb.db.selectFrom('data_change').select(['id', 'origin', 'what']).where('id', '>', last).orderBy('id').limit(KEEP_ROWS).execute();
          if (!rows.length) return;
          // Rows pruned before this process saw them (it was stalled): re-read everything.
          if (rows.length === KEEP_ROWS) run({ everything: true });
          for (const row of rows) {
            last = Math.max(last, row.id);
            if (row.origin === origin) continue;
            const change = decode(row.what);
            if (change) run(change);
          }
        } catch (error) {
          console.error(`[sync] polling data_change failed: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          busy = false;
        }
      };
      const timer = setInterval(() => void poll(), POLL_MS);
      timer.unref();
      return async () => clearInterval(timer);
    },
  };
}
