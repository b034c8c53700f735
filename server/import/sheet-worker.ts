/** @module The import's worker thread: reads an uploaded file (CSV or the bounded parts of an XLSX) and checks every
 * row, off the server's main thread, so that a large or hostile file never holds the public map, the tiles
 * or another official's request. Receives jobs from worker-pool.ts, answers each with the checked file or
 * the API error to send. */
import { parentPort, workerData } from 'node:worker_threads';
import type { SessionUser } from '../auth/session.ts';
import { catalogueOf, type CriteriaSet } from '../criterion/catalogue.ts';
import { ApiError } from '../http/errors.ts';
import type { Unit } from '../unit/unit-store.ts';
import { type FileFormat, readSheet } from './read-file.ts';
import { type CheckContext, checkContextOf, type CheckStructure, type ValidatedFile, validateSheet } from './validate.ts';

/** What the worker is started with: the unit structures, the communes of each and the criteria sets the checks read. */
export interface SheetWorkerData {
  entry: string;
  structures: Array<Omit<CheckStructure, 'byCode'>>;
  communes: Unit[];
  sets: CriteriaSet[];
}

/** One file for the worker to read and check, for a user whose scope decides which communes it may name. */
export interface SheetJob {
  id: number;
  bytes: Uint8Array;
  filename: string;
  user: Pick<SessionUser, 'role' | 'unit' | 'structure'>;
}

/** Most problems sent back of each kind (the counts are always given): a file of 100,000 bad rows must not
 * cost the main thread the copying of 100,000 objects. */
export const MAX_SENT = 1000;

/** A checked file as the worker sends it: the problems cut to MAX_SENT of each kind, with their counts. */
export interface CheckedFile extends ValidatedFile {
  errorCount: number;
  outOfScopeCount: number;
  /** Every line naming a commune outside the scope. */
  outOfScopeLines: number[];
}

/** The worker's answer to a job: the checked file, or the API error to send. */
export type SheetAnswer =
  | { id: number; ok: true; format: FileFormat; checked: CheckedFile }
  | { id: number; ok: false; status: number; code: string; message: string; details?: unknown };

// A parser's stream may fail after its file was answered (ExcelJS's unzipper on a broken part): log it and
// end this worker; the pool starts a new one for the next file.
process.on('uncaughtException', (error) => {
  console.error(`[import] worker: ${error.message}`);
  process.exit(1);
});

const data = workerData as SheetWorkerData;
const ctx: CheckContext = checkContextOf(data.structures, data.communes, catalogueOf(data.sets));

parentPort!.on('message', (job: SheetJob) => {
  void (async (): Promise<SheetAnswer> => {
    try {
      const sheet = await readSheet(job.bytes, job.filename);
      const checked = validateSheet(ctx, job.user, sheet);
      return {
        id: job.id,
        ok: true,
        format: sheet.format,
        checked: {
          ...checked,
          errors: checked.errors.slice(0, MAX_SENT),
          errorCount: checked.errors.length,
          outOfScope: checked.outOfScope.slice(0, MAX_SENT),
          outOfScopeCount: checked.outOfScope.length,
          outOfScopeLines: [...new Set(checked.outOfScope.map((i) => i.line))],
        },
      };
    } catch (error) {
      if (error instanceof ApiError) return { id: job.id, ok: false, status: error.status, code: error.code, message: error.message, details: error.details };
      console.error(`[import] worker: ${(error as Error).stack ?? String(error)}`);
      return { id: job.id, ok: false, status: 400, code: 'invalid_file', message: 'The file cannot be read: save it again (CSV UTF-8 or XLSX) and upload it again' };
    }
  })().then((answer) => parentPort!.postMessage(answer));
});
