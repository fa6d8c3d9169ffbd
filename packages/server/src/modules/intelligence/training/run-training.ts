import { Worker } from 'node:worker_threads';
import type { Example } from './split';
import type { TargetResult } from './train-target';

// The server runs TypeScript through tsx; a worker thread starts without it, so its entry registers
// tsx first and then imports the training module.
const ENTRY = new URL('./train-worker.ts', import.meta.url).href;
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ENTRY)}); })`;

/**
 * Trains each target's examples in a worker thread; null for a target with too little to learn from.
 * `signal` (the process stopping) ends the thread and rejects with the signal's reason.
 */
export function runTraining<T extends string>(jobs: Record<T, Example[]>, signal?: AbortSignal): Promise<Record<T, TargetResult | null>> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const worker = new Worker(BOOT, { eval: true, workerData: jobs });
    let done = false;
    const abort = () => {
      if (done) return;
      done = true;
      reject(signal!.reason);
      void worker.terminate();
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.once('exit', () => signal?.removeEventListener('abort', abort));
    worker.once('message', (m) => {
      done = true;
      resolve(m as Record<T, TargetResult | null>);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      done = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`the training worker stopped with code ${code}`));
    });
  });
}
