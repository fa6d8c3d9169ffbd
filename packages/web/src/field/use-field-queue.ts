import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { stepSender } from './field-api';
import { drain, indexedDbStore, type QueuedStep } from './offline-queue';

// One queue per page: what is stored, what is left to send (待发送 N), and a sender that runs when an
// action is queued, when the browser says it is back online, and every few seconds otherwise.

const store = indexedDbStore();
let snapshot: { pending: QueuedStep[]; failed: QueuedStep[]; sending: boolean } = { pending: [], failed: [], sending: false };
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

let reads = 0;
async function refresh() {
  // reads overlap (two steps queued at once, a send finishing): only the latest started may set what is
  // shown — an earlier one can finish last with fewer steps, and 待发送 would then say 4 with 5 stored
  const mine = ++reads;
  const all = (await store.all()).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  if (mine !== reads) return;
  snapshot = { ...snapshot, pending: all.filter((s) => !s.failed), failed: all.filter((s) => s.failed) };
  emit();
}

let running: Promise<void> | null = null;
/** Sends what waits; one run at a time (a call during a run is served by another run after it). */
export function syncNow(): Promise<void> {
  if (running) return running.then(() => syncNow());
  running = (async () => {
    snapshot = { ...snapshot, sending: true };
    emit();
    try {
      const r = await drain(store, stepSender);
      if (r.sent) window.dispatchEvent(new CustomEvent('gongdan-field-sent'));
    } catch {
      /* IndexedDB unavailable: nothing to send */
    } finally {
      snapshot = { ...snapshot, sending: false };
      running = null;
      await refresh();
    }
  })();
  return running;
}

export async function enqueue(step: Omit<QueuedStep, 'seq' | 'opId' | 'at'> & { at?: string }): Promise<void> {
  await store.add({ ...step, opId: crypto.randomUUID(), at: step.at ?? new Date().toISOString() });
  await refresh();
  void syncNow();
}

export async function dropFailed(step: QueuedStep): Promise<void> {
  if (step.seq !== undefined) await store.remove(step.seq);
  await refresh();
}

let started = false;
function start() {
  if (started) return;
  started = true;
  void refresh().then(syncNow);
  window.addEventListener('online', () => void syncNow());
  setInterval(() => {
    if (snapshot.pending.length) void syncNow();
  }, 5000);
}

export function useFieldQueue() {
  useEffect(start, []);
  const state = useSyncExternalStore(
    useCallback((l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    }, []),
    () => snapshot,
  );
  return { ...state, enqueue, syncNow, dropFailed };
}

/** Calls `fn` whenever queued steps reached the server (to refresh what the page shows). */
export function useOnSent(fn: () => void) {
  useEffect(() => {
    window.addEventListener('gongdan-field-sent', fn);
    return () => window.removeEventListener('gongdan-field-sent', fn);
  }, [fn]);
}
