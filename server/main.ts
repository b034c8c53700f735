/** @module Entry point of `npm start`: prepare data, client and database, then serve until SIGTERM/SIGINT.
 * With NTM_WORKERS=N > 1 the primary process prepares once (build, migrate, seed), then starts N workers
 * (node:cluster) that share the port; each follows the others' writes (server/sync) and restarts if it dies. */
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readEnv, type Env } from './config/env.ts';
import { CLIENT_DIST_DIR } from './config/paths.ts';
import { gracefulShutdown, type Shutdown } from './http/shutdown.ts';
import { prepare } from './start.ts';
import { CACHE } from './http/cache.ts';

const log = (line: string) => console.log(line);
const started = performance.now();

/** One app process: prepares (a no-op after the primary did it), then serves. */
async function serveOne(env: Env): Promise<void> {
  const { ndb, ctx } = await prepare(env, cluster.isWorker ? () => undefined : log);
  const unfollow = await ctx.followOtherProcesses();
  const app = createApp({ ctx, distDir: CLIENT_DIST_DIR, baseline: env.NTM_BENCH_BASELINE === '1' });
  let shutdown: Shutdown | null = null;
  // After the signal, a request on a still-open keep-alive connection is refused, not half-served.
  const fetch: typeof app.fetch = (request, ...rest) =>
    shutdown?.stopping ? Response.json({ error: { code: 'shutting_down', message: 'The server is restarting: try again in a moment' } }, { status: 503, headers: { 'Retry-After': '5', 'Cache-Control': CACHE.never, Connection: 'close' } }) : app.fetch(request, ...rest);
  const server = serve({ fetch, hostname: env.HOST, port: env.PORT }, (info) => {
    const who = cluster.isWorker ? ` [worker ${cluster.worker!.id}, pid ${process.pid}]` : '';
    log(`NTM Map serving on http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${info.port} (${ndb.engine}, ready in ${((performance.now() - started) / 1000).toFixed(1)} s)${who}`);
  }) as Server;
  server.on('error', (error) => {
    console.error(`ntm: cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`);
    process.exit(1);
  });
  shutdown = gracefulShutdown(server, { graceMs: env.NTM_SHUTDOWN_GRACE_MS, log });
  const stop = (signal: string) => {
    void shutdown!
      .stop(signal)
      .then(() => unfollow())
      .then(() => ndb.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** The primary of NTM_WORKERS > 1: prepares once, starts the workers, restarts one that dies, and stops
 * them all (each finishing its requests) on SIGTERM/SIGINT. */
async function superviseWorkers(env: Env): Promise<void> {
  const { ndb } = await prepare(env, log);
  await ndb.close();
  log(`Starting ${env.NTM_WORKERS} app processes`);
  let stopping = false;
  const restarts: number[] = [];
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that cannot start (bad port, database gone) would otherwise restart forever: give up after 5 in a minute.
    const now = Date.now();
    restarts.push(now);
    while (restarts[0]! < now - 60_000) restarts.shift();
    if (restarts.length > 5) {
      console.error(`ntm: app processes keep exiting (last: pid ${worker.process.pid}, code ${code}, signal ${signal}); stopping`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    console.error(`ntm: app process ${worker.process.pid} exited (code ${code}, signal ${signal}); starting another`);
    cluster.fork();
  });
  for (let i = 0; i < env.NTM_WORKERS; i++) cluster.fork();
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

try {
  const env = readEnv();
  if (cluster.isPrimary && env.NTM_WORKERS > 1) await superviseWorkers(env);
  else await serveOne(env);
} catch (error) {
  console.error(`ntm: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
