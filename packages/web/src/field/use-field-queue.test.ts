import { describe, expect, it, vi } from 'vitest';
import type { QueuedStep } from './offline-queue';

// The store answers its reads when the test says so, in any order: IndexedDB reads overlap when two
// steps are queued at once, and the earlier read can finish last.
const items: QueuedStep[] = [];
const gates: (() => void)[] = [];
vi.mock('./offline-queue', () => ({
  indexedDbStore: () => ({
    add: async (s: QueuedStep) => void items.push({ ...s, seq: items.length + 1 }),
    all: async () => {
      const seen = [...items];
      await new Promise<void>((r) => gates.push(r));
      return seen;
    },
    put: async () => undefined,
    remove: async () => undefined,
  }),
  // offline: nothing is sent
  drain: async () => ({ sent: 0, waiting: true }),
}));

const { enqueue, useFieldQueue } = await import('./use-field-queue');

describe('the field queue count (待发送 N)', () => {
  it('shows every stored step when overlapping reads finish in the other order', async () => {
    const { renderHook } = await import('@testing-library/react');
    const { result } = renderHook(() => useFieldQueue());
    const step = (kind: QueuedStep['kind']) => ({ ticketId: 't1', kind }) as Omit<QueuedStep, 'seq' | 'opId' | 'at'>;
    const tick = () => new Promise((r) => setTimeout(r, 5));
    const openAll = async (rounds: number) => {
      for (let i = 0; i < rounds; i++) {
        await tick();
        gates.splice(0).forEach((open) => open());
      }
    };
    await openAll(10); // the queue's first look at the store, when the page opens
    // the first step: its read answers, its send attempt fails (offline) and its closing read is slow
    void enqueue(step('signature'));
    for (let i = 0; i < 20 && gates.length < 1; i++) await tick();
    gates.splice(0).forEach((open) => open());
    for (let i = 0; i < 20 && gates.length < 1; i++) await tick();
    const slow = gates.splice(0); // read after the first send attempt: saw the first step only
    expect(slow).toHaveLength(1);
    // the second step meanwhile: its read and its own send attempt's read answer at once
    const second = enqueue(step('complete'));
    await openAll(10);
    await second;
    await openAll(10);
    expect(result.current.pending.map((x) => x.kind)).toEqual(['signature', 'complete']);
    // then the slow read finishes, last: it must not take the second step off the count
    slow.forEach((open) => open());
    await tick();
    await tick();
    expect(result.current.pending.map((x) => x.kind)).toEqual(['signature', 'complete']);
  });
});
