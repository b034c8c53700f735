/**
 * Finds a program that a Debian package ships (Chromium, the PostgreSQL server) and, when it is missing and
 * we are root, installs the package with apt-get, saying so; otherwise fails with one line saying what to
 * install. The test setup and the benchmarks use it so that `npm test` needs nothing installed by hand.
 * Nothing is ever downloaded from anywhere but the Debian archive that apt is configured with.
 * @module
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { runCommand } from './run-command.ts';

/** One program to find, and the Debian package that provides it. */
export interface DebianProgram {
  /** What the reader is told, e.g. `Chromium`. */
  label: string;
  /** The Debian package that ships the program, e.g. `chromium`. */
  aptPackage: string;
  /** An environment variable naming the program's path, tried first (e.g. `NTM_CHROMIUM`). */
  envVar?: string;
  /** Command names looked up on `PATH`, in order. */
  commands?: string[];
  /**
   * Absolute paths tried after `PATH`, in order. A `*` segment matches every entry of its folder,
   * highest version first (`/usr/lib/postgresql/*\/bin/postgres`).
   */
  paths?: string[];
}

/** What the finder sees of the machine: the real one ({@link systemHost}) or a fake one in the unit tests. */
export interface Host {
  /** The environment (`PATH` and each program's `envVar`). */
  env: Record<string, string | undefined>;
  /** Whether apt-get may be run. */
  isRoot: boolean;
  /** Prefix of the absolute {@link DebianProgram.paths}: `/` here, a temp folder in the unit tests. */
  root: string;
  /** Runs a command to its end; throws with the end of its output when it fails. */
  run(command: string, args: string[]): void;
  /** Prints one line of what is being done. */
  log(line: string): void;
}

/** Thrown when programs are missing and cannot be installed: its message is the one line to show. */
export class MissingProgramError extends Error {
  override name = 'MissingProgramError';

  constructor(message: string) {
    super(message);
    // The line says what to install; a stack trace below it would only hide it.
    this.stack = `${this.name}: ${message}`;
  }
}

/** The machine this process runs on. */
export function systemHost(log: (line: string) => void = (line) => console.log(line)): Host {
  // apt-get quiet on stdout (its progress is noise in a test log); the end of its output goes in the error.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (command: string, args: string[]) => void runCommand(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return { env: process.env, isRoot: process.getuid?.() === 0, root: '/', run, log };
}

/** Where `program` is on `host`, or null. An `envVar` naming no executable is said and passed over. */
export function findProgram(program: DebianProgram, host: Host): string | null {
  const named = program.envVar ? host.env[program.envVar] : undefined;
  if (named) {
    if (isExecutable(named)) return named;
    host.log(`${program.envVar}=${named} is not an executable file: looking for ${program.label} elsewhere`);
  }
  const dirs = (host.env.PATH ?? '').split(delimiter).filter((dir) => isAbsolute(dir));
  for (const command of program.commands ?? []) {
    const found = dirs.map((dir) => join(dir, command)).find(isExecutable);
    if (found) return found;
  }
  for (const pattern of program.paths ?? []) {
    const found = expand(join(host.root, pattern)).find(isExecutable);
    if (found) return found;
  }
  return null;
}

/**
 * Finds each program; installs the packages of the missing ones in one apt-get when root (printing what it
 * does), else throws a {@link MissingProgramError} naming the packages. Returns the paths, in order.
 */
export function provideDebianPrograms(programs: DebianProgram[], host: Host = systemHost()): string[] {
  let found = programs.map((program) => findProgram(program, host));
  let missing = programs.filter((_, i) => found[i] === null);
  if (missing.length === 0) return found as string[];
  const packages = missing.map((program) => program.aptPackage);
  if (!host.isRoot) {
    throw new MissingProgramError(`Missing ${lookedFor(missing)}: install ${packages.length > 1 ? 'them' : 'it'} as root with "apt-get install -y ${packages.join(' ')}"`);
  }
  host.log(`${missing.map((program) => program.label).join(' and ')} not found: apt-get update; apt-get install -y ${packages.join(' ')} …`);
  host.run('apt-get', ['update', '-q']);
  host.run('apt-get', ['install', '-y', '-q', ...packages]);
  found = programs.map((program) => findProgram(program, host));
  missing = programs.filter((_, i) => found[i] === null);
  if (missing.length > 0) {
    throw new MissingProgramError(`Still missing after apt-get install -y ${packages.join(' ')}: ${lookedFor(missing)}`);
  }
  host.log(`installed ${packages.join(' ')}`);
  return found as string[];
}

/** The programs and the places searched, for the error line: `Chromium (looked for $NTM_CHROMIUM, …) and …`. */
function lookedFor(programs: DebianProgram[]): string {
  const one = (program: DebianProgram) => {
    const places = [
      ...(program.envVar ? [`$${program.envVar}`] : []),
      ...(program.commands?.length ? [`${program.commands.join(' or ')} on PATH`] : []),
      ...(program.paths ?? []),
    ];
    return `${program.label} (looked for ${places.join(', ')})`;
  };
  return programs.map(one).join(' and ');
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The paths that `pattern` names, its one `*` segment (if any) expanded highest version first. */
function expand(pattern: string): string[] {
  const star = pattern.indexOf('/*/');
  if (star < 0) return [pattern];
  const parent = pattern.slice(0, star);
  const rest = pattern.slice(star + 3);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
    .map((entry) => join(parent, entry, rest));
}
