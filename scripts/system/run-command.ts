/**
 * Runs a command to its end and returns its standard output, or throws with the end of its output, where
 * the error is (initdb and apt-get print a long preamble first).
 * @module
 */
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';

/** Runs `command args` synchronously; its stdout, or an Error holding the last lines of stdout and stderr. */
export function runCommand(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${output}`);
  }
  return String(result.stdout ?? '');
}
