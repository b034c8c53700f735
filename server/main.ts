// Entry point of `npm start`: prepare data, client and database, then serve until SIGTERM/SIGINT.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readEnv } from './config/env.ts';
import { CLIENT_DIST_DIR } from './config/paths.ts';
import { gracefulShutdown, type Shutdown } from './http/shutdown.ts';
import { prepare } from './start.ts';

const log = (line: string) => console.log(line);
const started = performance.now();

try {
  const env = readEnv();
  const { ndb, ctx } = await prepare(env, log);
  const app = createApp({ ctx, distDir: CLIENT_DIST_DIR, baseline: env.NTM_BENCH_BASELINE === '1' });
  let shutdown: Shutdown | null = null;
  // After the signal, a request on a still-open keep-alive connection is refused, not half-served.
  const fetch: typeof app.fetch = (request, ...rest) =>
    shutdown?.stopping ? Response.json({ error: { code: 'shutting_down', message: 'The server is restarting: try again in a moment' } }, { status: 503, headers: { 'Retry-After': '5', 'Cache-Control': 'no-store', Connection: 'close' } }) : app.fetch(request, ...rest);
  const server = serve({ fetch, hostname: env.HOST, port: env.PORT }, (info) => {
    log(`NTM Map serving on http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${info.port} (${ndb.engine}, ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }) as Server;
  server.on('error', (error) => {
    console.error(`ntm: cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`);
    process.exit(1);
  });
  shutdown = gracefulShutdown(server, { graceMs: env.NTM_SHUTDOWN_GRACE_MS, log });
  const stop = (signal: string) => {
    void shutdown!
      .stop(signal)
      .then(() => ndb.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  console.error(`ntm: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
