/** @module The frame every benchmark runs in, written once: its scratch folder (removed when the process
 * exits, whatever happened) and its body, whose failure is printed with its stack and sets a failing exit code
 * (so that `npm run bench` stops on it) instead of an unhandled rejection. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new scratch folder for the benchmark `name`, removed when the process exits. */
export function scratchDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ntm-bench-${name}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs a benchmark's body: a failure is printed (with its stack) and makes the process exit non-zero. */
export async function runBench(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  }
}
