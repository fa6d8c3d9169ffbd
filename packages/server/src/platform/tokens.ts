import { createHash, randomBytes } from 'node:crypto';

// Secrets handed out once and stored only as a hash: API keys, session tokens, device keys. They are
// high-entropy (32 random bytes), so a fast hash is enough to store them safely (passwords are not:
// identity hashes those with scrypt).

/** The stored form of a token: its SHA-256, base64url. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new token `<prefix>_<32 random bytes, base64url>`; the prefix tells what it is (gdk_, gdd_…). */
export const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;
