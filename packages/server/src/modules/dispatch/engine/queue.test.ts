import { describe, expect, it } from 'vitest';
import { ctxAt, need, NOW, person } from './fixtures.test-support';
import { pickFromQueue, QUEUE_BAND } from './queue';
import { DEFAULT_WEIGHTS } from './score';

const ago = (m: number) => new Date(NOW.getTime() - m * 60_000);
const HOME: [number, number] = [31.23, 121.47];
const NEAR: [number, number] = [31.235, 121.47]; // ≈ 0.6 km
const FAR: [number, number] = [31.41, 121.47]; // ≈ 20 km

describe('pickFromQueue: most urgent then oldest, the best-scored within the band', () => {
  const me = person('甲', { home: HOME });
  const pick = (queue: ReturnType<typeof need>[], band = QUEUE_BAND) => pickFromQueue(me, queue, [me], ctxAt(), DEFAULT_WEIGHTS, band);

  it('takes a nearer ticket of the same priority asked for within the band instead of the older far one', () => {
    expect(pick([need('远', { location: FAR, createdAt: ago(30) }), need('近', { location: NEAR, createdAt: ago(10) })])).toBe(1);
    // band 0: the head, as before
    expect(pick([need('远', { location: FAR, createdAt: ago(30) }), need('近', { location: NEAR, createdAt: ago(10) })], { bandMin: 0, maxAgeMin: 120 })).toBe(0);
  });

  it('never passes over a more urgent ticket, nor takes one asked for after the band', () => {
    expect(pick([need('急远', { priority: 'urgent', location: FAR, createdAt: ago(5) }), need('近', { location: NEAR, createdAt: ago(30) })])).toBe(0);
    expect(pick([need('远', { location: FAR, createdAt: ago(100) }), need('近', { location: NEAR, createdAt: ago(100 - QUEUE_BAND.bandMin - 1) })])).toBe(0);
  });

  it('takes the head as it is once it has waited the age cap (nothing starves)', () => {
    expect(pick([need('远', { location: FAR, createdAt: ago(QUEUE_BAND.maxAgeMin) }), need('近', { location: NEAR, createdAt: ago(QUEUE_BAND.maxAgeMin - 5) })])).toBe(0);
  });

  it('skips what the person may not take; -1 when nothing, or when they are off', () => {
    const q = [need('电', { skill: '电力维修', level: 2 }), need('远', { location: FAR, createdAt: ago(20) }), need('近', { location: NEAR, createdAt: ago(10) })];
    expect(pick(q)).toBe(2);
    expect(pick([need('电', { skill: '电力维修', level: 2 })])).toBe(-1);
    expect(pickFromQueue(person('乙', { status: 'away' }), q, [me], ctxAt(), DEFAULT_WEIGHTS)).toBe(-1);
    expect(pickFromQueue(person('丙', { load: { ticket: 0, chat: 0, field: 5 } }), q, [me], ctxAt(), DEFAULT_WEIGHTS)).toBe(-1);
  });
});
