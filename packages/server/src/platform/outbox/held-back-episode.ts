// Consumers read only what every transaction older than it has finished with (outbox-repository `after`):
// one transaction left open anywhere on the cluster holds every consumer back. This decides, from one
// reading of the log, whether delivery is held back long enough to tell the operator, once per episode.

/** One look at the log: the oldest running transaction and the committed messages waiting behind it. */
export interface HeldBackReading {
  /** xmin of the current snapshot (xid8 as text): the oldest transaction still open on the cluster */
  xmin: string;
  /** creation time of the oldest committed message no consumer may read yet; null when there is none */
  oldest: Date | null;
  /** how many committed messages wait */
  waiting: number;
}

/** An episode already reported: since when delivery is held back, and by which transaction now. */
export interface HeldBackEpisode {
  since: Date;
  xmin: string;
}

export type HeldBackChange =
  /** newly held back (or now by another transaction than the one reported): warn */
  | { kind: 'held'; xmin: string; heldMs: number; waiting: number; previousXmin: string | null }
  /** no longer held back past the threshold: say it cleared and how long it lasted */
  | { kind: 'cleared'; xmin: string; heldMs: number };

export interface HeldBackAssessment {
  episode: HeldBackEpisode | null;
  /** how long the oldest waiting message has waited (0 when none waits): the gauge */
  heldMs: number;
  change: HeldBackChange | null;
}

/** The next state after a reading: a change only when an episode starts, changes holder, or ends. */
export function assessHeldBack(prev: HeldBackEpisode | null, r: HeldBackReading, now: Date, warnAfterMs: number): HeldBackAssessment {
  const heldMs = r.oldest ? Math.max(0, now.getTime() - r.oldest.getTime()) : 0;
  if (heldMs >= warnAfterMs) {
    if (prev && prev.xmin === r.xmin) return { episode: prev, heldMs, change: null };
    const episode = { since: prev?.since ?? r.oldest!, xmin: r.xmin };
    return { episode, heldMs, change: { kind: 'held', xmin: r.xmin, heldMs, waiting: r.waiting, previousXmin: prev?.xmin ?? null } };
  }
  if (!prev) return { episode: null, heldMs, change: null };
  return { episode: null, heldMs, change: { kind: 'cleared', xmin: prev.xmin, heldMs: Math.max(0, now.getTime() - prev.since.getTime()) } };
}

/** The 32-bit xid pg_stat_activity.backend_xid shows for a full (epoch-qualified) xid8. */
export function shortXid(xid8: string): string {
  return (BigInt(xid8) & 0xffffffffn).toString();
}
