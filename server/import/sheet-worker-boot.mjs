// Starts the import's worker thread: registers tsx's TypeScript loader in the thread (a worker does not
// inherit the main thread's loader hooks in every Node version), then loads the TypeScript worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
