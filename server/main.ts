// Entry point of `npm start`: prepare data, client and database, then serve until SIGTERM/SIGINT.
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readEnv } from './config/env.ts';
import { CLIENT_DIST_DIR } from './config/paths.ts';
import { prepare } from './start.ts';

const log = (line: string) => console.log(line);
const started = performance.now();

try {
  const env = readEnv();
  const { ndb, ctx } = await prepare(env, log);
  const app = createApp({ ctx, distDir: CLIENT_DIST_DIR, baseline: env.NTM_BENCH_BASELINE === '1' });
  const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
    log(`NTM Map serving on http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${info.port} (${ndb.engine}, ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  });
  server.on('error', (error) => {
    console.error(`ntm: cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`);
    process.exit(1);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    server.close(() => {
      void ndb.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  console.error(`ntm: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
