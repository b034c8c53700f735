/** @module Several app processes on one database (issue #19), on SQLite and on PostgreSQL:
 *  - the cross-process delay: a review saved through one server process until another serves it (ms);
 *  - the scaling of status reads that do real work (response cache off): one process vs NTM_WORKERS=2
 *    (node:cluster), autocannon, same run, alternating (bench/cluster-scaling.ts says how and why).
 * Prints figures; asserts nothing. */

import { join } from 'node:path';
// First: the account schemas extend zod with OpenAPI metadata when their module loads.
import '@hono/zod-openapi';
import { cliActor } from '../server/audit/audit.ts';
import { createUser } from '../server/auth/users.ts';
import { openDatabase } from '../server/db/database.ts';
import { startThrowawayCluster } from '../scripts/pg/throwaway-cluster.ts';
import { startServer, type ServerProcess } from '../test/support/server-process.ts';
import { statusScaling } from './cluster-scaling.ts';
import { runBench, scratchDir } from './run.ts';

const SAVES = 5;
const COMMUNE = '23362';
const PERIOD = '2025-06';
const PASSWORD = 'correct horse battery staple';

interface Form { version: number; groups: Array<{ criteria: Array<{ number: number; met: boolean }> }> }

const metOf = async (base: string): Promise<number> => {
  const body = (await (await fetch(`${base}/api/v1/status?district=610&period=${PERIOD}`)).json()) as { communes: Array<{ code: string; met: number }> };
  return body.communes.find((c) => c.code === COMMUNE)!.met;
};

/** Saves reviews through `a`, each time timing until `b` serves the new count: the delays in ms. */
async function crossProcessDelays(url: string, a: ServerProcess, b: ServerProcess): Promise<number[]> {
  const ndb = await openDatabase(url);
  const email = `bench-${Date.now()}@example.org`;
  try {
    await createUser(ndb.db, { email, role: 'district', unit: '610', password: PASSWORD }, cliActor('bench'));
  } finally {
    await ndb.close();
  }
  const login = await fetch(`${a.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: a.url }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status}`);
  const headers = { Cookie: (login.headers.get('Set-Cookie') ?? '').split(';')[0]!, Origin: a.url, 'X-CSRF-Token': ((await login.json()) as { csrf_token: string }).csrf_token, 'Content-Type': 'application/json' };
  const delays: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const before = await metOf(b.url); // b holds the month in its caches
    const form = (await (await fetch(`${a.url}/api/v1/admin/reviews/${COMMUNE}/${PERIOD}`, { headers })).json()) as Form;
    const criteria = form.groups.flatMap((g) => g.criteria);
    const flip = criteria[0]!;
    const saved = await fetch(`${a.url}/api/v1/admin/reviews/${COMMUNE}/${PERIOD}`, { method: 'PUT', headers, body: JSON.stringify({ criteria: criteria.map((c) => ({ number: c.number, met: c === flip ? !c.met : c.met })), version: form.version }) });
    if (saved.status !== 200) throw new Error(`save: ${saved.status} ${await saved.text()}`);
    const t0 = performance.now();
    const expected = before + (flip.met ? -1 : 1);
    while ((await metOf(b.url)) !== expected) {
      if (performance.now() - t0 > 10_000) throw new Error('the other process did not see the save within 10 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    delays.push(performance.now() - t0);
  }
  return delays;
}

async function engine(name: string, url: string): Promise<void> {
  console.log(`\n${name}`);
  const a = await startServer({ DATABASE_URL: url }); // first start: migrates and seeds
  const b = await startServer({ DATABASE_URL: url });
  try {
    const delays = (await crossProcessDelays(url, a, b)).sort((x, y) => x - y);
    console.log(`  save through one process -> served by the other: median ${delays[Math.floor(delays.length / 2)]!.toFixed(0)} ms, max ${delays[delays.length - 1]!.toFixed(0)} ms (${SAVES} saves; target < 1000 ms)`);
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
  const scaling = await statusScaling(url, (line) => console.log(line));
  console.log(`  scaling 2 processes / 1: ${scaling.ratio.toFixed(2)} x (target >= 1.6 on 2 cores; the load average is beside each round: the machine may be shared)`);
  console.log(`    = CPU the servers got ${scaling.cores.toFixed(2)} x  *  reads per CPU second ${scaling.perCore.toFixed(2)} x (1.00: the processes do not slow each other)`);
}

const work = scratchDir('cluster');
await runBench(async () => {
  console.log(`NTM Map cluster benchmark (node ${process.version}, ${new Date().toISOString()})`);
  await engine('SQLite (one file)', `sqlite:${join(work, 'bench.sqlite')}`);
  const cluster = await startThrowawayCluster();
  try {
    await engine('PostgreSQL', cluster.url);
  } finally {
    cluster.stop();
  }
});
