import { describe, expect, it } from 'vitest';
import { csatScore } from './csat-reply';

describe('csatScore', () => {
  it('reads a bare score in digits, full-width digits or Chinese numerals', () => {
    expect(csatScore('5')).toBe(5);
    expect(csatScore(' 4分 ')).toBe(4);
    expect(csatScore('５')).toBe(5);
    expect(csatScore('五星！')).toBe(5);
    expect(csatScore('一分。')).toBe(1);
  });
  it('leaves anything more than a score to reopen the ticket', () => {
    expect(csatScore('6')).toBeNull();
    expect(csatScore('0')).toBeNull();
    expect(csatScore('5楼的打印机又坏了')).toBeNull();
    expect(csatScore('还是不行')).toBeNull();
    expect(csatScore('')).toBeNull();
  });
});
