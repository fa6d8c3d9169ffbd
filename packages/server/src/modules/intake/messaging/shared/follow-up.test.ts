import { describe, expect, it } from 'vitest';
import { joinsTicket } from './follow-up';

describe('joinsTicket', () => {
  const now = new Date('2026-03-10T08:00:00Z');
  it('joins open and pending tickets, never closed ones', () => {
    expect(joinsTicket({ status: 'open', resolvedAt: null }, now, 7)).toBe(true);
    expect(joinsTicket({ status: 'pending', resolvedAt: null }, now, 7)).toBe(true);
    expect(joinsTicket({ status: 'closed', resolvedAt: new Date('2026-03-09T00:00:00Z') }, now, 7)).toBe(false);
  });
  it('joins a resolved ticket only within the window after its resolution', () => {
    expect(joinsTicket({ status: 'resolved', resolvedAt: new Date('2026-03-04T08:00:00Z') }, now, 7)).toBe(true);
    expect(joinsTicket({ status: 'resolved', resolvedAt: new Date('2026-03-03T07:59:00Z') }, now, 7)).toBe(false);
    expect(joinsTicket({ status: 'resolved', resolvedAt: new Date('2026-03-09T08:00:00Z') }, now, 0)).toBe(false);
  });
});
