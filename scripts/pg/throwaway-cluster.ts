// A throw-away PostgreSQL cluster on loopback (Debian's postgresql package), for the tests and the
// benchmark: initdb in a temp folder owned by postgres (initdb refuses root), trust auth, fsync off,
// listening on 127.0.0.1 on a free port, its unix socket in the data folder. `stop()` removes it.
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_MAJOR = 15;

function findPgBin(): string | null {
  const preferred = `/usr/lib/postgresql/${PG_MAJOR}/bin`;
  if (existsSync(join(preferred, 'postgres'))) return preferred;
  if (!existsSync('/usr/lib/postgresql')) return null;
  const others = readdirSync('/usr/lib/postgresql')
    .filter((version) => existsSync(`/usr/lib/postgresql/${version}/bin/postgres`))
    .sort((a, b) => Number(b) - Number(a));
  return others[0] ? `/usr/lib/postgresql/${others[0]}/bin` : null;
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    // The end of the output holds the error (initdb prints a long preamble first).
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${output}`);
  }
  return String(result.stdout ?? '');
}

function installPostgres(): void {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) throw new Error('PostgreSQL server binaries are missing and we are not root to apt-get them');
  console.log('PostgreSQL server not found: apt-get install -y postgresql …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  run('apt-get', ['install', '-y', '-q', 'postgresql'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
}

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

export interface ThrowawayCluster {
  url: string;
  version: string;
  startMs: number;
  stop(): void;
}

/** Starts a cluster (installing Debian's postgresql first when the server is missing and we are root). */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const started = performance.now();
  let pgBin = findPgBin();
  if (!pgBin) {
    installPostgres();
    pgBin = findPgBin();
    if (!pgBin) throw new Error('PostgreSQL server still missing after apt-get install postgresql');
  }
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
