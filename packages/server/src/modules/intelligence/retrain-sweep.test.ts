import { describe, expect, it } from 'vitest';
import { retrainDue } from './retrain-sweep';

describe('when models are retrained', () => {
  it('trains a new tenant once it has enough tickets', () => {
    expect(retrainDue({ trainedAt: null, tickets: 19, newTickets: 0, corrections: 0 })).toBe(false);
    expect(retrainDue({ trainedAt: null, tickets: 20, newTickets: 0, corrections: 0 })).toBe(true);
  });
  it('retrains after enough corrections or new tickets, not before', () => {
    const trainedAt = new Date('2026-11-01T00:00:00Z');
    expect(retrainDue({ trainedAt, tickets: 5000, newTickets: 199, corrections: 19 })).toBe(false);
    expect(retrainDue({ trainedAt, tickets: 5000, newTickets: 200, corrections: 0 })).toBe(true);
    expect(retrainDue({ trainedAt, tickets: 5000, newTickets: 0, corrections: 20 })).toBe(true);
  });
});
