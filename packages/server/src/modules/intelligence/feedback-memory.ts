import { normalize, words } from './classify/features';
import type { Target } from './intelligence-repository';

// Agents' corrections take effect on the very next ticket, before the model is retrained: a new
// ticket whose words are close to a corrected ticket's gets the corrected label. Retraining then
// learns them for good (the corrected tickets carry the right labels).

export const MEMORY_SIMILARITY = 0.55;
const MAX_ENTRIES = 2_000;

type Bag = Map<string, number>;

function bag(text: string): { bag: Bag; norm: number } {
  const ws = words(normalize(text));
  const b: Bag = new Map();
  for (let i = 0; i < ws.length; i++) {
    b.set(ws[i], (b.get(ws[i]) ?? 0) + 1);
    if (i + 1 < ws.length) b.set(`${ws[i]} ${ws[i + 1]}`, (b.get(`${ws[i]} ${ws[i + 1]}`) ?? 0) + 1);
  }
  let n = 0;
  for (const v of b.values()) n += v * v;
  return { bag: b, norm: Math.sqrt(n) };
}

function cosine(a: { bag: Bag; norm: number }, b: { bag: Bag; norm: number }): number {
  if (!a.norm || !b.norm) return 0;
  const [small, large] = a.bag.size < b.bag.size ? [a.bag, b.bag] : [b.bag, a.bag];
  let dot = 0;
  for (const [k, v] of small) dot += v * (large.get(k) ?? 0);
  return dot / (a.norm * b.norm);
}

export class FeedbackMemory {
  private readonly entries: { target: Target; value: string; ticketId: string; vec: ReturnType<typeof bag> }[] = [];
  private last?: { text: string; vec: ReturnType<typeof bag> };

  add(target: Target, value: string, ticketId: string, text: string): void {
    // a later correction of the same ticket replaces the earlier one
    const at = this.entries.findIndex((e) => e.target === target && e.ticketId === ticketId);
    if (at >= 0) this.entries.splice(at, 1);
    this.entries.push({ target, value, ticketId, vec: bag(text) });
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
  }

  /** The label of the most similar corrected ticket for this target, when similar enough. */
  nearest(target: Target, text: string): { value: string; similarity: number } | null {
    if (!this.entries.some((e) => e.target === target)) return null;
    let best: { value: string; similarity: number } | null = null;
    // the three targets of one ticket ask with the same text: its words are taken once
    if (this.last?.text !== text) this.last = { text, vec: bag(text) };
    const v = this.last.vec;
    for (const e of this.entries) {
      if (e.target !== target) continue;
      const s = cosine(v, e.vec);
      if (s >= MEMORY_SIMILARITY && (!best || s > best.similarity)) best = { value: e.value, similarity: s };
    }
    return best;
  }

  get size(): number {
    return this.entries.length;
  }
}
