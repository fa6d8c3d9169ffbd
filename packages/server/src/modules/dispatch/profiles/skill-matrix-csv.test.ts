import { describe, expect, it } from 'vitest';
import { expiryDay, readSkillMatrixCsv } from './skill-matrix-csv';

describe('skill-matrix CSV: expiry dates as Excel zh-CN writes them', () => {
  it('reads 2027-12-31, 2027/12/31, 2027/1/5 and 2027年12月31日 as the same kind of day', () => {
    expect(expiryDay('2027-12-31')).toBe('2027-12-31');
    expect(expiryDay('2027/12/31')).toBe('2027-12-31');
    expect(expiryDay('2027/1/5')).toBe('2027-01-05');
    expect(expiryDay('2027年12月31日')).toBe('2027-12-31');
    expect(expiryDay('2027年1月5日')).toBe('2027-01-05');
  });
  it('refuses days that do not exist and mixed or unknown forms', () => {
    for (const bad of ['2027-02-30', '2027/2/30', '2027年2月30日', '2027/13/01', '2027-12/31', '31/12/2027', '2027-12-31T00:00', '明年']) expect(expiryDay(bad), bad).toBeNull();
  });
  it('stores the day as YYYY-MM-DD and refuses an impossible one on its row', () => {
    const { rows, failed } = readSkillMatrixCsv('邮箱,证书,到期日\na@x.cn,电工证,2027/12/31\nb@x.cn,电工证,2027-02-30\n');
    expect(rows[0].certification).toEqual({ name: '电工证', expires: '2027-12-31' });
    expect(failed).toEqual([expect.objectContaining({ row: 3, issue: 'expires_invalid', value: '2027-02-30' })]);
  });
});

describe('skill-matrix CSV: rows and headers that do not line up', () => {
  it('fails a row with more fields than the header names; empty trailing fields are fine', () => {
    const { rows, failed } = readSkillMatrixCsv('email,skill,level\na@x.cn,网络,3,多出来的\nb@x.cn,网络,3,,\nc@x.cn,网络,3\n');
    expect(failed).toEqual([expect.objectContaining({ row: 2, code: 'VALIDATION_FAILED', issue: 'too_many_fields', value: '4' })]);
    expect(rows.map((r) => r.email)).toEqual(['b@x.cn', 'c@x.cn']);
  });
  it('refuses a header that names a column twice, also under its Chinese name', () => {
    for (const header of ['email,skill,level,email', 'email,skill,level,邮箱']) {
      expect(() => readSkillMatrixCsv(`${header}\na@x.cn,网络,3,b@x.cn\n`)).toThrow(/twice/);
      try {
        readSkillMatrixCsv(`${header}\na@x.cn,网络,3,b@x.cn\n`);
      } catch (e) {
        expect((e as { details: unknown[] }).details).toEqual([expect.objectContaining({ field: 'file', code: 'duplicate' })]);
      }
    }
  });
});
