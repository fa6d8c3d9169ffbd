import { randomUUID } from 'node:crypto';
import type { Deps } from '../../platform/deps';
import { isUuid } from '../../platform/ids';
import type { FeedRef } from './live-feed';
import { liveRepository } from './live-repository';

// PostgreSQL NOTIFY allows 8000 bytes per payload; a reference is about 120.
const MAX_PAYLOAD = 7000;

const uuid = (v: unknown): v is string => typeof v === 'string' && isUuid(v);

type Wire = [tenantId: string, kind: 'e' | 'n', id: string, userId: string | null];

/**
 * Several server processes on one PostgreSQL: the outbox hands each message to one process only, so
 * that process tells the others with NOTIFY (batched references; every process LISTENs and loads what
 * its own connections need). A process ignores its own announcements. Best effort, like live updates.
 */
export class LiveRelay {
  readonly origin = randomUUID();
  private pending: FeedRef[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly channel: string,
    private readonly log?: { error(obj: unknown, msg: string): void },
  ) {}

  announce(ref: FeedRef): void {
    this.pending.push(ref);
    this.kick();
  }

  /** The references in another process's announcement (none for our own or a malformed one). */
  received(payload: string): FeedRef[] {
    let m: { o?: unknown; r?: unknown };
    try {
      m = JSON.parse(payload);
    } catch {
      return [];
    }
    if (m?.o === this.origin || !Array.isArray(m?.r)) return [];
    const refs: FeedRef[] = [];
    for (const w of m.r as unknown[]) {
      if (!Array.isArray(w) || !uuid(w[0]) || !uuid(w[2]) || (w[1] !== 'e' && w[1] !== 'n')) continue;
      refs.push({ tenantId: w[0], kind: w[1] === 'e' ? 'event' : 'notification', id: w[2], userId: uuid(w[3]) ? w[3] : undefined });
    }
    return refs;
  }

  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private kick(): void {
    if (this.flushing || !this.pending.length) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      this.kick();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length) {
      const wires: Wire[] = [];
      let size = 60;
      while (this.pending.length && size < MAX_PAYLOAD) {
        const r = this.pending.shift()!;
        const w: Wire = [r.tenantId, r.kind === 'event' ? 'e' : 'n', r.id, r.userId ?? null];
        wires.push(w);
        size += JSON.stringify(w).length + 1;
      }
      try {
        await this.deps.db.system((q) => liveRepository.notify(q, this.channel, JSON.stringify({ o: this.origin, r: wires })));
      } catch (err) {
        this.log?.error({ err }, 'live updates: could not notify the other processes');
      }
    }
  }
}
