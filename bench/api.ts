/** @module API benchmark: autocannon against a running server on loopback, on SQLite and on PostgreSQL. Each
 * route is measured beside a baseline route of the same server that returns the same bytes from memory
 * (same size and content); prints req/s, p50, p99 and the ratio to the baseline. Asserts nothing. */

import { join } from 'node:path';
import autocannon from 'autocannon';
import { startThrowawayCluster } from '../scripts/pg/throwaway-cluster.ts';
import { startServer, type ServerProcess } from '../test/support/server-process.ts';
import { runBench, scratchDir } from './run.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.NTM_BENCH_SECONDS ?? 5);

interface Case { name: string; path: string; headers?: Record<string, string> }

async function run(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

async function bytesOf(url: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(url, { headers: { 'Accept-Encoding': 'identity', ...headers } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.arrayBuffer()).byteLength;
}

async function measure(server: ServerProcess, engine: string, cases: Case[]) {
  console.log(`\n${engine}: ${CONNECTIONS} connections, ${SECONDS} s per route`);
  console.log(`${'route'.padEnd(40)} ${'bytes'.padStart(8)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}   baseline req/s   ratio`);
  for (const c of cases) {
    const url = `${server.url}${c.path}`;
    const bytes = await bytesOf(url, c.headers);
    await run(url, c.headers); // warm-up pass, not reported (fills per-period caches)
    const route = await run(url, c.headers);
    const base = await run(`${server.url}/__baseline?path=${encodeURIComponent(c.path)}`, c.headers);
    const flag = route.non2xx || route.errors ? `  (${route.non2xx} non-2xx, ${route.errors} errors)` : '';
    console.log(
      `${c.name.padEnd(40)} ${String(bytes).padStart(8)} ${route.rps.toFixed(0).padStart(8)} ${String(route.p50).padStart(7)} ${String(route.p99).padStart(7)}   ${base.rps.toFixed(0).padStart(14)}   ${((route.rps / base.rps) * 100).toFixed(0).padStart(4)} %${flag}`,
    );
  }
}

async function casesFor(server: ServerProcess): Promise<Case[]> {
  const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { tiles: string };
  const cases: Case[] = [
    { name: 'status, one province (62)', path: '/api/v1/status?province=62' },
    { name: 'status, whole country', path: '/api/v1/status' },
    { name: 'archive Range 16 KiB', path: health.tiles, headers: { Range: 'bytes=0-16383' } },
  ];
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
  if (doc.paths['/communes/{code}']) cases.push({ name: 'commune card (23362)', path: '/api/v1/communes/23362' });
  if (doc.paths['/search']) cases.push({ name: 'search q=dak', path: '/api/v1/search?q=dak' });
  return cases;
}

const work = scratchDir('api');
await runBench(async () => {
  console.log(`NTM Map API benchmark (autocannon, node ${process.version}, ${new Date().toISOString()})`);
  const sqlite = await startServer({ DATABASE_URL: `sqlite:${join(work, 'bench.sqlite')}`, NTM_BENCH_BASELINE: '1' });
  try {
    await measure(sqlite, 'SQLite', await casesFor(sqlite));
  } finally {
    await sqlite.stop();
  }
  const cluster = await startThrowawayCluster();
  try {
    const pg = await startServer({ DATABASE_URL: cluster.url, NTM_BENCH_BASELINE: '1' });
    try {
      await measure(pg, 'PostgreSQL', await casesFor(pg));
    } finally {
      await pg.stop();
    }
  } finally {
    cluster.stop();
  }
});
