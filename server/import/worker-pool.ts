/** @module Runs the reading and checking of uploaded files in worker threads (sheet-worker.ts), and limits how many
 * imports run at once: one per official and `total` on the whole server (all its processes: counted in the database), beyond which an upload is refused
 * with 429 and Retry-After (the machine has few cores; a queue would only make everyone wait longer). A
 * worker that takes too long or runs out of its heap is ended and replaced; the official gets a 400. */
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { LOCKS, serialized } from '../db/serialized.ts';
import type { SessionUser } from '../auth/session.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import { ApiError } from '../http/errors.ts';
import type { Unit } from '../unit/unit-store.ts';
import type { FileFormat } from './read-file.ts';
import type { CheckedFile, SheetAnswer, SheetJob, SheetWorkerData } from './sheet-worker.ts';
import type { EraStore } from '../era/era.ts';
import type { Catalogue } from '../criterion/catalogue.ts';

/** How many imports run at once (per official and in all), and how long and how large each may be. */
export interface ImportLimits {
  /** Imports one official may run at once. */
  perUser: number;
  /** Imports the server runs at once (and worker threads it keeps). */
  total: number;
  /** Longest a worker may take over one file. */
  timeoutMs: number;
  /** Heap of each worker thread, MB: a file that needs more is refused, the server goes on. */
  heapMb: number;
  /** A worker idle this long is ended (its memory returned). */
  idleMs: number;
}

/** An import counted longer than this is one whose process died: it no longer holds a slot. */
const STALE_MS = 15 * 60_000;

/** One import per official, two in all, a minute and 320 MB each: a hostile file costs a worker, never the server. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { perUser: 1, total: 2, timeoutMs: 60_000, heapMb: 320, idleMs: 30_000 };

/** Seconds a refused upload is asked to wait (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

/** An upload the worker read and checked, with its format. */
export interface CheckedUpload {
  format: FileFormat;
  checked: CheckedFile;
}

/** The pool of import workers: a slot per import, and the reading and checking of a file off the main thread. */
export interface ImportPool {
  /** A slot for one import by this user (counted in the database, for every process), or a 429; call the returned function when the import is over. */
  acquire(userId: number): Promise<() => Promise<void>>;
  /** Reads and checks a file in a worker (the criteria sets in the answer are the context's own). */
  check(bytes: Uint8Array, filename: string, user: Pick<SessionUser, 'role' | 'unit' | 'structure'>): Promise<CheckedUpload>;
  /** Ends the workers. */
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  idle: NodeJS.Timeout | null;
}

const BOOT = new URL('./sheet-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./sheet-worker.ts', import.meta.url).href;

/** Creates the import pool; its workers start on demand and end when idle. */
export function createImportPool(ctx: { eras: EraStore; catalogue: Catalogue; ndb: { db: Kysely<Database> } }, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): ImportPool {
  const { db } = ctx.ndb;
  const slots: Slot[] = [];
  let nextId = 1;
  let data: SheetWorkerData | null = null;
  const workerData = (): SheetWorkerData =>
    (data ??= {
      entry: ENTRY,
      structures: ctx.eras.structures.map((s) => ({ code: s.code, validFrom: s.validFrom, validTo: s.validTo })),
      communes: ctx.eras.structures.flatMap((s) => [...ctx.eras.unitsOf(s.code).byCode.values()].filter((u: Unit) => u.level === 'commune')),
      sets: ctx.catalogue.sets as CriteriaSet[],
    });

  const end = (slot: Slot) => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    if (slot.idle) clearTimeout(slot.idle);
    void slot.worker.terminate();
  };

  const freeSlot = (): Slot => {
    const found = slots.find((s) => !s.busy);
    if (found) return found;
    const worker = new Worker(BOOT, { workerData: workerData(), resourceLimits: { maxOldGenerationSizeMb: limits.heapMb }, stdout: false, stderr: false });
    worker.unref();
    const slot: Slot = { worker, busy: false, idle: null };
    // Always listened to: a worker that fails between jobs (a stream's late error) must not take the
    // server down with an unhandled 'error' event; it leaves the pool and the next job starts a new one.
    worker.on('error', (error) => {
      if (!slot.busy) console.error(`[import] idle worker failed: ${error.message}`);
      end(slot);
    });
    worker.on('exit', () => end(slot));
    slots.push(slot);
    return slot;
  };

  const run = (slot: Slot, job: SheetJob): Promise<SheetAnswer> =>
    new Promise((resolve) => {
      const { worker } = slot;
      const done = (answer: SheetAnswer, broken: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (broken) end(slot);
        resolve(answer);
      };
      const refuse = (message: string): SheetAnswer => ({ id: job.id, ok: false, status: 400, code: 'invalid_file', message });
      const onMessage = (answer: SheetAnswer) => {
        if (answer.id === job.id) done(answer, false);
      };
      const onError = (error: Error) => {
        const oom = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        if (!oom) console.error(`[import] worker failed: ${error.message}`);
        done(refuse(oom ? 'The file needs more memory to read than an import may take: split it by district' : 'The file cannot be read: save it again (CSV UTF-8 or XLSX)'), true);
      };
      const onExit = () => done(refuse('The file cannot be read: save it again (CSV UTF-8 or XLSX)'), true);
      const timer = setTimeout(() => done(refuse(`The file took more than ${limits.timeoutMs / 1000} s to read: split it by district`), true), limits.timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    });

  // One worker is started at once (and ended after `idleMs` unused): the first import does not wait for a
  // thread to load its modules, which takes a second or more on a busy machine.
  const warm = setTimeout(() => {
    const slot = freeSlot();
    slot.idle = setTimeout(() => end(slot), limits.idleMs);
    slot.idle.unref();
  }, 0);
  warm.unref();

  return {
    async acquire(userId) {
      // Counted in the database: the limits hold across every app process on it (a row older than
      // STALE_MS is an import whose process died, not counted).
      const id = randomBytes(12).toString('base64url');
      const now = Date.now();
      const why = await serialized(db, LOCKS.imports, async (trx) => {
        await trx.insertInto('import_run').values({ id, user_id: userId, started_at: now }).execute();
        const rows = await trx.selectFrom('import_run').select(['id', 'user_id']).where('started_at', '>', now - STALE_MS).execute();
        const mine = rows.filter((r) => r.user_id === userId && r.id !== id).length;
        const total = rows.filter((r) => r.id !== id).length;
        if (mine < limits.perUser && total < limits.total) return null;
        await trx.deleteFrom('import_run').where('id', '=', id).execute();
        return mine >= limits.perUser ? 'Another import of yours is still running' : 'The server is running as many imports as it can';
      });
      if (why) throw new ApiError(429, 'too_many_imports', `${why}: try again in a few seconds`, { retry_after: RETRY_AFTER_SECONDS });
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        await db.deleteFrom('import_run').where('id', '=', id).execute();
      };
    },
    async check(bytes, filename, user) {
      const slot = freeSlot();
      slot.busy = true;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      // A copy the worker owns (transferred, not cloned): the upload's own buffer may be shared.
      const own = new Uint8Array(bytes);
      const answer = await run(slot, { id: nextId++, bytes: own, filename, user: { role: user.role, unit: user.unit, structure: user.structure } });
      if (slots.includes(slot)) {
        slot.busy = false;
        slot.idle = setTimeout(() => end(slot), limits.idleMs);
        slot.idle.unref();
      }
      if (!answer.ok) throw new ApiError(answer.status as 400, answer.code, answer.message, answer.details);
      // The worker's criteria sets are copies: point each review at the context's own.
      for (const review of answer.checked.reviews) review.set = ctx.catalogue.sets.find((s) => s.code === review.set.code) ?? review.set;
      return { format: answer.format, checked: answer.checked };
    },
    async close() {
      await Promise.all(slots.splice(0).map(async (s) => {
        if (s.idle) clearTimeout(s.idle);
        await s.worker.terminate();
      }));
    },
  };
}
