import { describe, expect, it } from 'vitest';
import { localDateTime } from './local-time';

describe('localDateTime', () => {
  it('writes an instant on the wall clock of a time zone, to the second', () => {
    expect(localDateTime(new Date('2026-12-04T13:17:37.767Z'), 'Asia/Shanghai')).toBe('2026-12-04 21:17:37');
    expect(localDateTime(new Date('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2027-01-01 00:00:00');
    expect(localDateTime(new Date('2026-07-01T00:30:00Z'), 'Europe/Berlin')).toBe('2026-07-01 02:30:00');
  });
});
