import { describe, expect, it } from 'vitest';
import { checkIdentities, identityProblem, maskEmail, maskPhone, normalizeEmail, normalizeIdentity, normalizePhone, requesterIdentities } from './identity-rules';
import { effectiveTier } from './tiers';

describe('identity rules', () => {
  it('normalizes Chinese phone numbers', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizePhone('0086 (138) 0013 8000')).toBe('13800138000');
    expect(normalizePhone('010-1234 5678')).toBe('01012345678');
    expect(normalizePhone('+1 415 555 0100')).toBe('+14155550100');
  });

  it('normalizes emails and other identities', () => {
    expect(normalizeEmail('  Li.Na@Example.CN ')).toBe('li.na@example.cn');
    expect(normalizeIdentity({ kind: 'email', value: 'A@B.CN' })).toEqual({ kind: 'email', value: 'a@b.cn' });
    expect(normalizeIdentity({ kind: 'wechat', value: '  wx_AbC ' })).toEqual({ kind: 'wechat', value: 'wx_AbC' });
    expect(normalizeIdentity({ kind: 'phone', value: '+86 139 1234 5678' })).toEqual({ kind: 'phone', value: '13912345678' });
  });

  it('says what is wrong with an identity', () => {
    expect(identityProblem({ kind: 'email', value: 'zhang@pdwy.com.cn' })).toBeNull();
    expect(identityProblem({ kind: 'email', value: 'zhang-at-pdwy' })).toMatch(/email/);
    expect(identityProblem({ kind: 'phone', value: '13912345678' })).toBeNull();
    expect(identityProblem({ kind: 'phone', value: '电话' })).toMatch(/phone/);
    expect(identityProblem({ kind: 'phone', value: '12' })).toMatch(/phone/);
    expect(identityProblem({ kind: 'device', value: '' })).toMatch(/empty/);
    expect(identityProblem({ kind: 'other', value: 'x'.repeat(201) })).toMatch(/200/);
    expect(identityProblem({ kind: 'feishu', value: 'ou_飞书用户' })).toBeNull();
  });

  it('checks a list: issues at their index, repeats dropped after normalizing', () => {
    const r = checkIdentities([
      { kind: 'phone', value: '+86 139-1234-5678' },
      { kind: 'email', value: 'bad' },
      { kind: 'phone', value: '13912345678' },
      { kind: 'wechat', value: 'wx_1' },
    ]);
    expect(r.issues).toEqual([{ field: 'identities.1.value', code: 'invalid', message: expect.stringContaining('email') }]);
    expect(r.identities).toEqual([
      { kind: 'phone', value: '13912345678', index: 0 },
      { kind: 'wechat', value: 'wx_1', index: 3 },
    ]);
    expect(checkIdentities([{ kind: 'phone', value: 'x' }], 'requester.identities').issues[0].field).toBe('requester.identities.0.value');
  });

  it('collects the identities of a requester without repeats', () => {
    expect(
      requesterIdentities({ email: 'LI@example.cn', phone: '+86 138 0000 0000', identities: [{ kind: 'phone', value: '13800000000' }, { kind: 'wechat', value: ' wx ' }] }),
    ).toEqual([
      { kind: 'email', value: 'li@example.cn' },
      { kind: 'phone', value: '13800000000' },
      { kind: 'wechat', value: 'wx' },
    ]);
  });

  it('masks personal data', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('110')).toBe('****');
    expect(maskEmail('zhang@example.cn')).toBe('z***@example.cn');
    expect(maskEmail('nodomain')).toBe('***');
  });

  it('derives the effective tier: own, else organization, else standard', () => {
    expect(effectiveTier('svip', 'vip')).toBe('svip');
    expect(effectiveTier(null, 'key_account')).toBe('key_account');
    expect(effectiveTier(null, null)).toBe('standard');
    expect(effectiveTier('gold', null)).toBe('standard');
  });
});
