import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CallbackRejected } from './callback-rejected';

// The message crypto WeCom (企业微信) and the WeChat Official Account (微信公众号, safe mode) share
// (WXBizMsgCrypt, 加解密方案): msg_signature = sha1 of the sorted concatenation of token, timestamp,
// nonce and the ciphertext; AESKey = base64(EncodingAESKey + "="), 32 bytes; AES-256-CBC with the
// first 16 bytes of the key as IV and PKCS#7 padding to 32 bytes; the plaintext is 16 random bytes,
// the message length (4 bytes, big-endian), the message, and the receiver id (CorpID or AppID).

/** sha1(sort(parts).join('')), hex: WeCom msg_signature, WeChat signature / msg_signature. */
export function wxSignature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

export function signatureMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

export function wxAesKey(encodingAesKey: string): Buffer {
  const key = /^[A-Za-z0-9+/]{43}$/.test(encodingAesKey ?? '') ? Buffer.from(`${encodingAesKey}=`, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) throw new Error('EncodingAESKey must be 43 characters (letters and digits)');
  return key;
}

/** Encrypts a message for `receiveId` (what the platform does; the stand-in and tests use it). */
export function wxEncrypt(encodingAesKey: string, receiveId: string, message: string, random: Buffer = randomBytes(16)): string {
  const key = wxAesKey(encodingAesKey);
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  const plain = Buffer.concat([random, len, msg, Buffer.from(receiveId, 'utf8')]);
  const pad = 32 - (plain.length % 32);
  const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  c.setAutoPadding(false);
  return Buffer.concat([c.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), c.final()]).toString('base64');
}

/**
 * Decrypts a ciphertext and checks that it was made for `receiveId`. Throws `CallbackRejected`:
 * DECRYPT_FAILED (not base64, wrong key, bad padding or length) or RECEIVER_MISMATCH.
 */
export function wxDecrypt(encodingAesKey: string, receiveId: string, encrypted: string): string {
  const key = wxAesKey(encodingAesKey);
  const fail = () => new CallbackRejected(400, 'DECRYPT_FAILED', 'The encrypted payload cannot be decrypted with the configured EncodingAESKey');
  const data = /^[A-Za-z0-9+/=\s]+$/.test(encrypted) ? Buffer.from(encrypted, 'base64') : Buffer.alloc(0);
  if (data.length === 0 || data.length % 16 !== 0) throw fail();
  let plain: Buffer;
  try {
    const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    d.setAutoPadding(false);
    plain = Buffer.concat([d.update(data), d.final()]);
  } catch {
    throw fail();
  }
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > 32 || pad > plain.length || !plain.subarray(plain.length - pad).every((b) => b === pad)) throw fail();
  const body = plain.subarray(0, plain.length - pad);
  if (body.length < 20) throw fail();
  const len = body.readUInt32BE(16);
  if (20 + len > body.length) throw fail();
  const from = body.subarray(20 + len).toString('utf8');
  if (from !== receiveId) throw new CallbackRejected(403, 'RECEIVER_MISMATCH', `The payload was encrypted for "${from}", not for the configured id "${receiveId}"`);
  return body.subarray(20, 20 + len).toString('utf8');
}
