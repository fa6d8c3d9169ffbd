import { describe, expect, it } from 'vitest';
import { contractState, daysLeft, localDay } from './contract-rules';

describe('contract validity', () => {
  it('counts days on the tenant calendar, both ends included', () => {
    expect(localDay(new Date('2026-12-31T17:00:00Z'), 'Asia/Shanghai')).toBe('2027-01-01');
    expect(daysLeft('2026-12-31', '2026-12-01')).toBe(30);
    const c = { validFrom: '2026-01-01', validTo: '2026-12-31' };
    expect(contractState(c, '2025-12-31', 30)).toBe('pending');
    expect(contractState(c, '2026-06-01', 30)).toBe('active');
    expect(contractState(c, '2026-12-01', 30)).toBe('expiring');
    expect(contractState(c, '2026-12-31', 30)).toBe('expiring');
    expect(contractState(c, '2027-01-01', 30)).toBe('expired');
  });
});
