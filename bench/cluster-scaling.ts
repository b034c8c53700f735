/**
 * The scaling part of the cluster benchmark (issue #19's "status reads with 2 processes ≥ 1.6 × one
 * process"): the same server started with NTM_WORKERS=1 and =2, read by autocannon in the same run.
 *
 * What it measures is reads that do a process's work, not cache hits: a cache hit costs the server so little
 * that the load generator and the cluster's connection hand-off were what the old figure measured. So
 * - the servers run with the response cache off (NTM_RESPONSE_CACHE_MB=0): every request reaches the status
 *   handler, which selects the scope's communes from the period's statuses, writes the JSON and compresses it
 *   (brotli, as a browser asks), which is what a cache miss costs after a write;
 * - the reads are the map's own: the whole country at a month, rotating over a few months and over the
 *   views of one criterion (each connection walks the list), so that a read costs its process tens of
 *   milliseconds of CPU and the load generator's share of the machine stays small (a province's read costs
 *   the server only a few times what it costs autocannon, which then takes a core's quarter); the months stay inside the status service's
 *   per-period memory, so the figure is the app's work, not the database's (a cold month is one
 *   whole-country query, which the warm-up pays in every process);
 * - on a machine with spare cores the servers are pinned to two of them and autocannon to the rest
 *   (`taskset`, util-linux); on a 2-core machine there is none to spare, so the load generator shares the
 *   cores, and its CPU time is printed beside the servers' so that the reader sees what it took;
 * - 1 and 2 processes alternate (ROUNDS times each) so that the other tenants of a shared machine weigh on
 *   both alike; the load average and the CPU the rest of the machine used are printed with every round.
 *   Where the kernel groups CPU time by session (sched_autogroup, on by default in Debian), a busy machine
 *   gives the benchmark's session one share whether it runs one server process or two: the ratio is then
 *   about 1 whatever the app does, and the split into "CPU the servers got" and "reads per CPU second"
 *   tells the machine's part from the app's.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { startServer } from '../test/support/server-process.ts';

/** Enough to keep two processes busy; each read costs tens of ms, so more would only queue. */
const CONNECTIONS = 16;
const SECONDS = Number(process.env.NTM_BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.NTM_BENCH_ROUNDS ?? 2);
/** Months of the pre-2025 structure (19 criteria); fewer than the status service keeps. */
const PERIODS = ['2024-06', '2024-12', '2025-06'];
/** A browser's header: the compression is part of the work a read costs. */
const HEADERS = { 'Accept-Encoding': 'br, gzip' };

/** One round's figures. */
export interface ScalingRound {
  workers: number;
  /** Reads answered per second (all of the measured seconds). */
  rps: number;
  reads: number;
  p50: number;
  p99: number;
  /** CPU seconds the server processes (primary and workers) used during the measured seconds. */
  serverCpu: number;
  /** The same, by process: the primary first (with NTM_WORKERS=2: the primary, then each worker). */
  perProcess: number[];
  /** CPU seconds the benchmark process (autocannon) used meanwhile. */
  generatorCpu: number;
  /** CPU seconds the rest of the machine (other sessions) used meanwhile. */
  othersCpu: number;
  /** Seconds between the CPU readings (the measured seconds and autocannon's start and end). */
  wall: number;
  /** The 1-minute load average after the round. */
  load: number;
  failures: number;
}

/** The CPU sets for servers and load generator, or null where the machine has no core to spare. */
export function cpuPlan(cpus = availableParallelism()): { servers: string; generator: string } | null {
  if (cpus < 3 || !hasTaskset()) return null;
  return { servers: '0,1', generator: `2-${cpus - 1}` };
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** CPU seconds the whole machine spent busy so far (/proc/stat: all but idle and iowait). */
function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) / 100;
}

/** Whether the kernel shares CPU between sessions rather than between processes (CONFIG_SCHED_AUTOGROUP). */
function autogroup(): boolean {
  try {
    return readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1';
  } catch {
    return false;
  }
}

/** Pins every thread of this process (children started afterwards inherit it). */
function pinSelf(cpus: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
}

/** CPU seconds (user + system) used so far by a process and each of its descendants that are alive, by pid. */
function treeCpuSeconds(pid: number): Map<number, number> {
  const tick = 100; // USER_HZ on Linux
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const own = (p: number): number => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / tick; // utime, stime
    } catch {
      return 0;
    }
  };
  const out = new Map<number, number>();
  const walk = (p: number): void => {
    out.set(p, own(p));
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/** Views of the country the rotation reads at each month: criteria met, then one criterion at a time. */
const VIEWS = ['', ...Array.from({ length: 19 }, (_, i) => `&criterion=${i + 1}`)];

/** The status paths of the rotation, the months interleaved so that every connection soon asks for each. */
function statusPaths(): string[] {
  return VIEWS.flatMap((view) => PERIODS.map((period) => `/api/v1/status?period=${period}${view}`));
}

async function round(databaseUrl: string, workers: number, plan: ReturnType<typeof cpuPlan>): Promise<ScalingRound> {
  if (plan) pinSelf(plan.servers); // the server inherits the servers' cores
  const server = await startServer({ DATABASE_URL: databaseUrl, NTM_WORKERS: String(workers), NTM_RESPONSE_CACHE_MB: '0' });
  try {
    if (plan) pinSelf(plan.generator);
    const paths = statusPaths();
    const requests = paths.map((path) => ({ method: 'GET' as const, path }));
    const options = { url: server.url, connections: CONNECTIONS, headers: HEADERS, requests };
    // Warm-up: every worker computes the months' statuses (one query each) and compiles its hot code.
    await autocannon({ ...options, amount: CONNECTIONS * PERIODS.length * 3 });
    const cpu0 = treeCpuSeconds(server.pid);
    const gen0 = process.cpuUsage();
    const busy0 = machineBusySeconds();
    const t0 = performance.now();
    const r = await autocannon({ ...options, duration: SECONDS });
    const gen = process.cpuUsage(gen0);
    const busy = machineBusySeconds() - busy0;
    const wall = (performance.now() - t0) / 1000;
    const cpu1 = treeCpuSeconds(server.pid);
    // The server process and, with NTM_WORKERS > 1, its workers (the primary only hands out connections).
    const perProcess = [...cpu1].map(([pid, s]) => s - (cpu0.get(pid) ?? 0));
    return {
      workers,
      rps: r.requests.total / r.duration,
      reads: r.requests.total,
      p50: r.latency.p50,
      p99: r.latency.p99,
      serverCpu: perProcess.reduce((n, s) => n + s, 0),
      perProcess,
      generatorCpu: (gen.user + gen.system) / 1e6,
      othersCpu: Math.max(0, busy - perProcess.reduce((n, s) => n + s, 0) - (gen.user + gen.system) / 1e6),
      wall,
      load: loadavg()[0]!,
      failures: r.non2xx + r.errors,
    };
  } finally {
    await server.stop();
  }
}

/** The figures of a scaling run: `ratio` is the target's (reads per second, 2 processes / 1); it is the
 * product of `cores` (the CPU the machine gave the servers, 2 / 1: under 2 when other work shares the
 * machine) and `perCore` (reads per CPU second, 2 / 1: under 1 if the processes got in each other's way,
 * e.g. a lock or a shared connection). */
export interface Scaling { ratio: number; cores: number; perCore: number }

/**
 * Status reads per second with 1 and with 2 app processes on `databaseUrl`, alternating, printed as they
 * come; returns the ratios of the means.
 */
export async function statusScaling(databaseUrl: string, log: (line: string) => void): Promise<Scaling> {
  const plan = cpuPlan();
  log(`  status reads: response cache off; the whole country at ${PERIODS.join(', ')}, ${VIEWS.length} views each, in turn; brotli; ${CONNECTIONS} connections, ${SECONDS} s a round`);
  log(
    plan
      ? `  servers pinned to CPUs ${plan.servers}, autocannon to ${plan.generator}`
      : `  ${availableParallelism()} CPUs: no core to spare for autocannon, which shares them with the servers (its CPU time is shown)`,
  );
  if (autogroup())
    log('  the kernel shares CPU between sessions (sched_autogroup): while other sessions keep the cores busy, the servers\' session gets one share however many processes it runs, so the figure only means something on an otherwise idle machine ("the rest of the machine" below)');
  const rounds: ScalingRound[] = [];
  const restore = plan ? `0-${availableParallelism() - 1}` : null;
  try {
    for (let i = 0; i < ROUNDS; i++) {
      for (const workers of [1, 2]) {
        const r = await round(databaseUrl, workers, plan);
        rounds.push(r);
        log(
          `  NTM_WORKERS=${r.workers}: ${r.rps.toFixed(0).padStart(5)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms; CPU: servers ${(r.serverCpu / r.wall).toFixed(2)} cores [${r.perProcess.map((s) => (s / r.wall).toFixed(2)).join(' ')}] (${((r.serverCpu / Math.max(1, r.reads)) * 1000).toFixed(1)} ms a read), autocannon ${(r.generatorCpu / r.wall).toFixed(2)}, the rest of the machine ${(r.othersCpu / r.wall).toFixed(2)}; load ${r.load.toFixed(2)}${r.failures ? `; ${r.failures} failed` : ''}`,
        );
      }
    }
  } finally {
    if (restore) pinSelf(restore);
  }
  const mean = (w: number, of: (r: ScalingRound) => number) => {
    const those = rounds.filter((r) => r.workers === w);
    return those.reduce((n, r) => n + of(r), 0) / those.length;
  };
  const ratio = mean(2, (r) => r.rps) / mean(1, (r) => r.rps);
  const cores = mean(2, (r) => r.serverCpu) / mean(1, (r) => r.serverCpu);
  return { ratio, cores, perCore: ratio / cores };
}
