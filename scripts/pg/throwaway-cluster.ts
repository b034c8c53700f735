/** @module A throw-away PostgreSQL cluster on loopback (Debian's postgresql package), for the tests and the
 * benchmark: initdb in a temp folder owned by postgres (initdb refuses root), trust auth, fsync off,
 * listening on 127.0.0.1 on a free port, its unix socket in the data folder. `stop()` removes it. */
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type DebianProgram, provideDebianPrograms } from '../system/debian-program.ts';
import { runCommand as run } from '../system/run-command.ts';

const PG_MAJOR = 15;

/** Debian's PostgreSQL server: version 15 preferred (the tested one), else the newest installed. */
export const POSTGRES_SERVER: DebianProgram = {
  label: 'PostgreSQL server',
  aptPackage: 'postgresql',
  paths: [`/usr/lib/postgresql/${PG_MAJOR}/bin/postgres`, '/usr/lib/postgresql/*/bin/postgres'],
};

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

interface Cluster {
  root: string;
  dataDir: string;
  pgBin: string;
  asPostgres: (bin: string, args: string[]) => string;
}

function stopCluster(cluster: Cluster): void {
  try {
    if (existsSync(join(cluster.dataDir, 'postmaster.pid'))) {
      cluster.asPostgres('pg_ctl', ['-D', cluster.dataDir, '-m', 'immediate', '-w', 'stop']);
    }
  } catch (error) {
    console.error(`[test] could not stop PostgreSQL: ${(error as Error).message}`);
  } finally {
    rmSync(cluster.root, { recursive: true, force: true });
  }
}

/** A PostgreSQL cluster started for tests or benchmarks: its URL, version, start time and how to stop (and remove)
 * it. */
export interface ThrowawayCluster {
  url: string;
  version: string;
  startMs: number;
  stop(): void;
}

/** Starts a cluster (installing Debian's postgresql first when the server is missing and we are root). */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const started = performance.now();
  const [postgres] = provideDebianPrograms([POSTGRES_SERVER]);
  const pgBin = dirname(postgres!);
  const isRoot = process.getuid?.() === 0;
  const binDir = pgBin;
  const asPostgres = (bin: string, args: string[]): string =>
    isRoot ? run('runuser', ['-u', 'postgres', '--', join(binDir, bin), ...args]) : run(join(binDir, bin), args);

  const root = mkdtempSync(join(tmpdir(), 'ntm-pg-'));
  const dataDir = join(root, 'data');
  const cluster: Cluster = { root, dataDir, pgBin, asPostgres };
  // If the process dies without stop(), still stop the server (synchronous: 'exit' handlers cannot wait).
  const onExit = () => stopCluster(cluster);
  process.once('exit', onExit);
  try {
    if (isRoot) {
      const uid = Number(run('id', ['-u', 'postgres']).trim());
      const gid = Number(run('id', ['-g', 'postgres']).trim());
      chownSync(root, uid, gid);
    }
    asPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--no-locale']);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-k ${dataDir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    try {
      asPostgres('pg_ctl', ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
    } catch (error) {
      const log = existsSync(join(dataDir, 'server.log')) ? readFileSync(join(dataDir, 'server.log'), 'utf8') : '';
      throw new Error(`${(error as Error).message}\n${log.trim().split('\n').slice(-15).join('\n')}`);
    }
    const version = asPostgres('postgres', ['--version']).trim();
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      version,
      startMs: Math.round(performance.now() - started),
      stop: () => {
        process.removeListener('exit', onExit);
        stopCluster(cluster);
      },
    };
  } catch (error) {
    process.removeListener('exit', onExit);
    stopCluster(cluster);
    throw error;
  }
}
