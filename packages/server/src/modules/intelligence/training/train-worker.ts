import { parentPort, workerData } from 'node:worker_threads';
import { trainTarget } from './train-target';
import type { Example } from './split';

// Runs in a worker thread: training takes seconds of CPU, which must not stall the server's event loop.
const jobs = workerData as Record<string, Example[]>;
const out: Record<string, ReturnType<typeof trainTarget>> = {};
for (const [target, examples] of Object.entries(jobs)) out[target] = trainTarget(examples);
parentPort!.postMessage(out);
