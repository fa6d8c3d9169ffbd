import { describe, expect, it } from 'vitest';
import { codeHash, countLinks, formTokenProblem, isPublicKey, newPublicKey, normalizeCode, originAllowed, queryCodeFor, rateWindow, signFormToken, webFormSettings } from './web-form-rules';

describe('web form rules', () => {
  const secret = 'test-secret';
  const t0 = new Date('2026-03-02T01:00:00Z');
  const later = (s: number) => new Date(t0.getTime() + s * 1000);

  it('makes lower-case public keys with their prefix', () => {
    const k = newPublicKey('wf');
    expect(isPublicKey(k, 'wf')).toBe(true);
    expect(k).toBe(k.toLowerCase());
    expect(isPublicKey(newPublicKey('ch'), 'wf')).toBe(false);
  });

  it('accepts a form token only when signed for this channel, old enough and not expired', () => {
    const tok = signFormToken(secret, 'c1', t0);
    expect(formTokenProblem(secret, 'c1', tok, later(5), 3000, 86_400_000)).toBeNull();
    expect(formTokenProblem(secret, 'c1', tok, later(1), 3000, 86_400_000)).toBe('too_fast');
    expect(formTokenProblem(secret, 'c1', tok, later(90_000), 3000, 86_400_000)).toBe('token_expired');
    expect(formTokenProblem(secret, 'c2', tok, later(5), 3000, 86_400_000)).toBe('token_invalid');
    expect(formTokenProblem('other', 'c1', tok, later(5), 3000, 86_400_000)).toBe('token_invalid');
    expect(formTokenProblem(secret, 'c1', `${(t0.getTime() - 60_000).toString(36)}.${tok.split('.')[1]}`, later(5), 3000, 86_400_000)).toBe('token_invalid');
    expect(formTokenProblem(secret, 'c1', undefined, later(5), 3000, 86_400_000)).toBe('token_missing');
    expect(formTokenProblem(secret, 'c1', 'garbage', later(5), 3000, 86_400_000)).toBe('token_invalid');
    // the last character of 16 bytes in base64url carries 4 unused bits: another spelling is refused too
    const [ts, sig] = tok.split('.');
    const last = sig.at(-1)!;
    const sibling = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('').find((c) => c !== last && Buffer.from(sig.slice(0, -1) + c, 'base64url').equals(Buffer.from(sig, 'base64url')))!;
    expect(sibling).toBeDefined();
    expect(formTokenProblem(secret, 'c1', `${ts}.${sig.slice(0, -1)}${sibling}`, later(5), 3000, 86_400_000)).toBe('token_invalid');
  });

  it('derives the same readable query code for the same submission, and compares it as typed', () => {
    const a = queryCodeFor(secret, 'sub-1');
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(queryCodeFor(secret, 'sub-1')).toBe(a);
    expect(queryCodeFor(secret, 'sub-2')).not.toBe(a);
    expect(codeHash(` ${a.toLowerCase().replace('-', ' ')} `)).toBe(codeHash(a));
    expect(normalizeCode('o1l-i')).toBe('0111');
  });

  it('counts links, windows and defaults', () => {
    expect(countLinks('看 https://a.cn 和 www.b.com，还有 http://c.cn/x')).toBe(3);
    expect(countLinks('没有链接')).toBe(0);
    expect(rateWindow(new Date('2026-03-02T01:04:30Z'), 600_000)).toEqual({ start: new Date('2026-03-02T01:00:00Z'), retryAfterSeconds: 330 });
    const s = webFormSettings({ perIpLimit: 0, minFillSeconds: 0, requireToken: false, categories: [{ id: 'x', name: '网络' }, { bad: 1 }] });
    expect(s).toMatchObject({ perIpLimit: 10, minFillSeconds: 0, requireToken: false, categories: [{ id: 'x', name: '网络' }] });
    expect(originAllowed([], 'https://a.cn')).toBe(true);
    expect(originAllowed(['https://a.cn'], 'https://b.cn')).toBe(false);
    expect(originAllowed(['https://a.cn'], undefined)).toBe(true);
  });
});
