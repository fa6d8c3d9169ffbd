// The phone's outbox: every action is stored first (IndexedDB, with the opId made for it), then sent in
// the order it was made whenever the network allows. The server keeps each opId once, so sending an
// action again after a lost answer changes nothing; a photo is uploaded under its opId's name, so a
// retried upload finds the file already there instead of adding it twice.

export type StepKind = 'depart' | 'check_in' | 'note' | 'photo' | 'signature' | 'complete';
/** A queued action: a visit step, or 用料 (parts used), which goes to the inventory module instead. */
export type QueuedKind = StepKind | 'parts_usage';

/** One part used; code and name are kept only to show it while it waits. */
export interface UsageLine {
  partId: string;
  warehouseId?: string;
  qty: number;
  code?: string;
  name?: string;
}

export interface QueuedStep {
  /** the queue's order (assigned when stored) */
  seq?: number;
  opId: string;
  ticketId: string;
  kind: QueuedKind;
  at: string;
  lat?: number;
  lng?: number;
  accuracy?: number;
  text?: string;
  result?: 'fixed' | 'second_visit' | 'needs_part';
  /** photo / signature: the image, until uploaded; then its attachment id */
  blob?: Blob;
  fileId?: string;
  /** parts_usage: the parts used */
  lines?: UsageLine[];
  /** refused by the server (not a network problem): kept to be shown, not sent again */
  failed?: { code: string; message: string };
}

export interface QueueStore {
  all(): Promise<QueuedStep[]>;
  add(s: QueuedStep): Promise<void>;
  put(s: QueuedStep): Promise<void>;
  remove(seq: number): Promise<void>;
}

export interface StepSender {
  /** the id of the ticket's attachment with this name, if one was uploaded already */
  findFile(ticketId: string, filename: string): Promise<string | null>;
  upload(ticketId: string, blob: Blob, filename: string): Promise<string>;
  postStep(ticketId: string, body: Record<string, unknown>): Promise<unknown>;
  /** POST /tickets/{id}/parts/usage (idempotent by opId) */
  postUsage(ticketId: string, body: { opId: string; lines: { partId: string; warehouseId?: string; qty: number }[] }): Promise<unknown>;
}

/** A failure worth trying again later: no network, a timeout, the server busy or down. */
export const retryable = (e: unknown) => {
  const status = (e as { status?: number })?.status;
  return status === undefined || status === 0 || status === 408 || status === 429 || status >= 500;
};

export const fileNameOf = (s: Pick<QueuedStep, 'opId' | 'kind' | 'blob'>) => `${s.kind === 'signature' ? 'signature' : 'photo'}-${s.opId}.${s.blob?.type === 'image/png' ? 'png' : 'jpg'}`;

/** The step's body as the API takes it. */
export function stepBody(s: QueuedStep): Record<string, unknown> {
  const body: Record<string, unknown> = { opId: s.opId, kind: s.kind, at: s.at };
  for (const k of ['lat', 'lng', 'accuracy', 'text', 'result', 'fileId'] as const) if (s[k] !== undefined && s[k] !== '') body[k] = s[k];
  return body;
}

/** A parts_usage action's body as the inventory API takes it (what is kept only for display left out). */
export function usageBody(s: QueuedStep): { opId: string; lines: { partId: string; warehouseId?: string; qty: number }[] } {
  return { opId: s.opId, lines: (s.lines ?? []).map((l) => ({ partId: l.partId, qty: l.qty, ...(l.warehouseId ? { warehouseId: l.warehouseId } : {}) })) };
}

/**
 * Sends what is queued, oldest first. Stops at the first failure worth retrying (what follows waits
 * for it, so the order holds); a refusal is kept as failed and the rest goes on.
 */
export async function drain(store: QueueStore, send: StepSender): Promise<{ sent: number; waiting: boolean }> {
  let sent = 0;
  const items = (await store.all()).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  for (const item of items) {
    if (item.failed) continue;
    let s = item;
    try {
      if ((s.kind === 'photo' || s.kind === 'signature') && !s.fileId) {
        if (!s.blob) throw Object.assign(new Error('The image was lost before it was sent'), { status: 400, code: 'FILE_MISSING' });
        const name = fileNameOf(s);
        const fileId = (await send.findFile(s.ticketId, name)) ?? (await send.upload(s.ticketId, s.blob, name));
        s = { ...s, fileId };
        await store.put(s);
      }
      if (s.kind === 'parts_usage') await send.postUsage(s.ticketId, usageBody(s));
      else await send.postStep(s.ticketId, stepBody(s));
      await store.remove(s.seq!);
      sent += 1;
    } catch (e) {
      if (retryable(e)) return { sent, waiting: true };
      const err = e as { code?: string; message?: string };
      await store.put({ ...s, blob: undefined, failed: { code: err.code ?? 'ERROR', message: err.message ?? String(e) } });
    }
  }
  return { sent, waiting: false };
}

/** The queue in IndexedDB (one store, ordered by an auto-increment key). */
export function indexedDbStore(name = 'gongdan-field'): QueueStore {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () =>
    (opened ??= new Promise((ok, fail) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    }));
  const run = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await db()).transaction('queue', mode);
    const req = fn(tx.objectStore('queue'));
    return new Promise((ok, fail) => {
      tx.oncomplete = () => ok(req.result);
      tx.onerror = () => fail(tx.error);
      tx.onabort = () => fail(tx.error);
    });
  };
  return {
    all: () => run('readonly', (s) => s.getAll() as IDBRequest<QueuedStep[]>),
    add: async (step) => {
      const { seq: _seq, ...rest } = step;
      await run('readwrite', (s) => s.add(rest));
    },
    put: async (step) => {
      await run('readwrite', (s) => s.put(step));
    },
    remove: async (seq) => {
      await run('readwrite', (s) => s.delete(seq));
    },
  };
}
