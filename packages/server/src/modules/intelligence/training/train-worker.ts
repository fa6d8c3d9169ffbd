import { parentPort, workerData } from 'node:worker_threads';
import { trainTargets } from './train-targets';
import type { Example } from './split';

// Runs in a worker thread: training takes seconds of CPU, which must not stall the server's event loop.
parentPort!.postMessage(trainTargets(workerData as Record<string, Example[]>));
