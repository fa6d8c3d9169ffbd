import { describe, expect, it } from 'vitest';
import { feishuEncrypt, feishuPost } from '../stand-in/callback-builders';
import { feishuDecrypt, feishuSignature } from './feishu-crypto';

describe('Feishu Encrypt Key crypto', () => {
  it('decrypts the example of the Feishu documentation ("test key" → "hello world")', () => {
    expect(feishuDecrypt('test key', 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).toBe('hello world');
  });
  it('refuses another key, a short or non-base64 ciphertext with DECRYPT_FAILED', () => {
    for (const [key, enc] of [['other key', 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk='], ['test key', 'AAAA'], ['test key', '非密文']])
      expect(() => feishuDecrypt(key, enc)).toThrow(expect.objectContaining({ code: 'DECRYPT_FAILED' }));
    expect(feishuDecrypt('k', feishuEncrypt('k', '{"报修":1}'))).toBe('{"报修":1}');
  });
  it('signs timestamp + nonce + Encrypt Key + the exact body bytes', () => {
    const p = feishuPost({ encryptKey: 'kkk', payload: { a: '中文' }, timestamp: 1700000000, nonce: 'n1' });
    expect(feishuSignature('1700000000', 'n1', 'kkk', Buffer.from(p.body))).toBe(p.headers['x-lark-signature']);
    // sha256("1n" + "k" + "{}") computed independently (printf '1nk{}' | sha256sum)
    expect(feishuSignature('1', 'n', 'k', Buffer.from('{}'))).toBe('fbd3ecb62fa42b9df3d6535b48b10c06baffa1d019f207aa63dc69364da02a05');
  });
});
