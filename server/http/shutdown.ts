/** @module Graceful shutdown of the HTTP server at SIGTERM/SIGINT: stop accepting connections, answer any request
 * that still arrives on an open keep-alive connection with 503 and `Connection: close` (so that nothing is
 * acknowledged after the signal that a client could take for saved), let the requests already running
 * finish within the grace period, close connections as they fall idle, then close the database and exit. */
import type { Server } from 'node:http';

/** A running graceful shutdown: whether it has begun, and how to begin it. */
export interface Shutdown {
  /** Whether the signal came (requests arriving now are refused). */
  readonly stopping: boolean;
  /** Starts the shutdown; resolves when every connection is closed or the grace period is over. */
  stop(signal: string): Promise<void>;
}

/** Prepares the server's graceful shutdown (see the module header); `stop` is called by the signal handler. */
export function gracefulShutdown(server: Server, options: { graceMs: number; log: (line: string) => void }): Shutdown {
  let stopping = false;
  let inFlight = 0;
  server.on('request', (_req, res) => {
    inFlight++;
    if (stopping) res.setHeader('Connection', 'close');
    res.once('close', () => inFlight--);
  });
  let done: Promise<void> | null = null;
  return {
    get stopping() {
      return stopping;
    },
    stop(signal) {
      if (done) return done;
      stopping = true;
      options.log(`${signal}: shutting down (${inFlight} request${inFlight === 1 ? '' : 's'} running, up to ${options.graceMs / 1000} s to finish)`);
      done = new Promise<void>((resolve) => {
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const timer = setTimeout(() => {
          options.log(`Grace period over: closing ${inFlight} request${inFlight === 1 ? '' : 's'} still running`);
          server.closeAllConnections();
        }, options.graceMs);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      return done;
    },
  };
}
