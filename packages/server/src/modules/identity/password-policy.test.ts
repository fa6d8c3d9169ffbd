import { describe, expect, it } from 'vitest';
import { isCommonPassword, passwordProblem, visibleLength } from './password-policy';

const code = (password: string, email?: string) => passwordProblem(password, email)?.code ?? null;

describe('password policy', () => {
  it('refuses the commonest passwords whatever the case, leetspeak or digits and symbols around them', () => {
    for (const p of ['password1', 'Passw0rd', 'P@ssw0rd!', 'PASSWORD123', 'qwerty2024!', 'Dragon99', '!1qaz2wsx', 'iloveyou520', 'Abc123456', 'M0nkey#1'])
      expect(code(p), p).toBe('password_too_common');
  });

  it('accepts passwords that are not a common one with decoration', () => {
    for (const p of ['Passw0rd-测试', 'tangerine-bicycle-7', '工单系统很好用2026', 'Kx9#mQ2!vLp'])
      expect(code(p), p).toBeNull();
    expect(isCommonPassword('correct-horse-battery-9')).toBe(false);
  });

  it('refuses a password that is or contains the name of the email address', () => {
    expect(code('liming2026', 'LiMing@example.cn')).toBe('password_contains_email');
    expect(code('x-l1m1ng-88', 'liming@example.cn')).toBe('password_contains_email');
    // too short a name to mean anything
    expect(code('wu-tangerine-7', 'wu@example.cn')).toBeNull();
  });

  it('counts characters as a person does: NULs, format characters and UTF-16 halves do not make a password long', () => {
    expect(visibleLength('abc1\u0000\u0000\u0000\u0000')).toBe(4);
    expect(code('abc1\u0000\u0000\u0000\u0000')).toBe('password_too_short');
    expect(code('ab\u200b\u200b\u200b\u200b12')).toBe('password_too_short');
    // four emoji are eight UTF-16 units but four characters
    expect(code('😀😀😀😀a1')).toBe('password_too_short');
    expect(visibleLength('测试密码长度够了吗9')).toBe(10);
  });

  it('asks for letters and digits, letters of any script', () => {
    expect(code('tangerinebicycle')).toBe('password_needs_letters_and_digits');
    expect(code('工单系统很好用啊2')).toBeNull();
  });
});
