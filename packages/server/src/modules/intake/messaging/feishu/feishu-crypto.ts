import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { CallbackRejected } from '../shared/callback-rejected';

// Feishu (飞书) event subscription security: with an Encrypt Key the body is {"encrypt": base64} with
// AES-256-CBC, key = sha256(Encrypt Key), the IV the first 16 bytes of the decoded ciphertext, PKCS#7;
// and every request carries X-Lark-Signature = sha256_hex(timestamp + nonce + Encrypt Key + body).

export function feishuDecrypt(encryptKey: string, encrypted: string): string {
  const fail = () => new CallbackRejected(400, 'DECRYPT_FAILED', 'The encrypted event cannot be decrypted with the configured Encrypt Key');
  const data = /^[A-Za-z0-9+/=]+$/.test(encrypted) ? Buffer.from(encrypted, 'base64') : Buffer.alloc(0);
  if (data.length < 32 || data.length % 16 !== 0) throw fail();
  try {
    const key = createHash('sha256').update(encryptKey).digest();
    const d = createDecipheriv('aes-256-cbc', key, data.subarray(0, 16));
    return Buffer.concat([d.update(data.subarray(16)), d.final()]).toString('utf8');
  } catch {
    throw fail();
  }
}

export function feishuSignature(timestamp: string, nonce: string, encryptKey: string, body: Buffer): string {
  return createHash('sha256').update(Buffer.concat([Buffer.from(timestamp + nonce + encryptKey, 'utf8'), body])).digest('hex');
}

export function feishuSignatureMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
