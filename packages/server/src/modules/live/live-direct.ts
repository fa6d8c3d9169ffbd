import { randomUUID } from 'node:crypto';
import type { Deps } from '../../platform/deps';
import { isUuid } from '../../platform/ids';
import type { DirectAnnouncer, LiveHub } from './live-hub';
import { DIRECT_TYPES, type DirectMessage } from './live-messages';
import { liveRepository } from './live-repository';

export const LIVE_DIRECT_CHANNEL = 'gongdan_live_direct';

/**
 * Several server processes on one PostgreSQL: a direct message (a call's screen pop) is sent by the
 * process that got it to its own sockets and announced with NOTIFY (the whole message, a few KB) to the
 * others, which deliver it to theirs. Best effort, like all live updates.
 */
export class DirectRelay implements DirectAnnouncer {
  readonly origin = randomUUID();

  constructor(
    private readonly deps: Deps,
    private readonly log?: { error(obj: unknown, msg: string): void },
  ) {}

  announce(tenantId: string, userIds: string[] | null, m: DirectMessage): void {
    const payload = JSON.stringify({ o: this.origin, t: tenantId, u: userIds, m });
    if (payload.length > 7500) return this.log?.error({ type: m.type }, 'live direct message too large to relay');
    this.deps.db.system((q) => liveRepository.notify(q, LIVE_DIRECT_CHANNEL, payload)).catch((err) => this.log?.error({ err }, 'live updates: could not notify the other processes'));
  }

  /** Another process's announcement (null for our own or a malformed one). */
  received(payload: string): { tenantId: string; userIds: string[] | null; m: DirectMessage } | null {
    try {
      const w = JSON.parse(payload) as { o?: unknown; t?: unknown; u?: unknown; m?: { type?: unknown } };
      if (w.o === this.origin || typeof w.t !== 'string' || !isUuid(w.t) || !DIRECT_TYPES.includes(String(w.m?.type))) return null;
      const userIds = Array.isArray(w.u) ? w.u.filter((x): x is string => typeof x === 'string') : null;
      return { tenantId: w.t, userIds, m: w.m as DirectMessage };
    } catch {
      return null;
    }
  }
}

/**
 * Sends a typed live message to some users of a tenant (all its admins, supervisors and agents when
 * `userIds` is null), on every server process; returns how many sockets of this process it reached.
 */
export function sendToUsers(hub: LiveHub, tenantId: string, userIds: string[] | null, m: DirectMessage): number {
  hub.direct?.announce(tenantId, userIds, m);
  return hub.publishDirect(tenantId, userIds, m);
}
