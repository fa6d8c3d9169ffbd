import { describe, expect, it } from 'vitest';
import { assessHeldBack, shortXid, type HeldBackEpisode } from './held-back-episode';

const at = (s: number) => new Date(Date.UTC(2026, 2, 2, 1, 0, s));
const WARN = 60_000;

describe('assessing whether outbox delivery is held back', () => {
  it('says nothing while the oldest waiting message is younger than the threshold', () => {
    expect(assessHeldBack(null, { xmin: '100', oldest: null, waiting: 0 }, at(0), WARN)).toEqual({ episode: null, heldMs: 0, change: null });
    expect(assessHeldBack(null, { xmin: '100', oldest: at(0), waiting: 3 }, at(59), WARN)).toEqual({ episode: null, heldMs: 59_000, change: null });
  });

  it('warns once per episode, again only when another transaction holds it, and says when it clears', () => {
    let episode: HeldBackEpisode | null = null;
    const changes: unknown[] = [];
    const step = (xmin: string, oldest: Date | null, now: Date) => {
      const r = assessHeldBack(episode, { xmin, oldest, waiting: oldest ? 1 : 0 }, now, WARN);
      episode = r.episode;
      if (r.change) changes.push(r.change);
      return r.heldMs;
    };
    expect(step('100', at(0), at(60))).toBe(60_000);
    step('100', at(0), at(90));
    step('100', at(0), at(120));
    expect(changes).toEqual([{ kind: 'held', xmin: '100', heldMs: 60_000, waiting: 1, previousXmin: null }]);
    // the first holder ended; an older message is still held by the next one
    step('105', at(10), at(150));
    expect(changes[1]).toEqual({ kind: 'held', xmin: '105', heldMs: 140_000, waiting: 1, previousXmin: '100' });
    expect(step('200', null, at(180))).toBe(0);
    expect(changes[2]).toEqual({ kind: 'cleared', xmin: '105', heldMs: 180_000 });
    step('200', null, at(210));
    expect(changes).toHaveLength(3);
  });

  it('names the xid as pg_stat_activity shows it (without the epoch)', () => {
    expect(shortXid('268228')).toBe('268228');
    expect(shortXid(String(2n ** 32n * 3n + 42n))).toBe('42');
  });
});
