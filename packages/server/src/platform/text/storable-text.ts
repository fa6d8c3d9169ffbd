import { AppError } from '../errors';

// What PostgreSQL can store as text: no NUL character (it refuses it) and well-formed Unicode (a lone
// surrogate has no UTF-8 form). Every boundary — HTTP bodies, query strings, multipart fields, mail,
// MQTT payloads, platform callbacks, import rows — checks text with these functions once, so nothing
// past the boundary can fail on it.

export type TextFault = 'nul' | 'lone_surrogate' | 'invalid_utf8';

const FAULT_MESSAGE: Record<TextFault, string> = {
  nul: 'contains a NUL character (\\u0000); remove it',
  lone_surrogate: 'contains a lone surrogate (half of a UTF-16 pair), which is not valid Unicode; send well-formed text',
  invalid_utf8: 'is not valid UTF-8; send the text encoded as UTF-8',
};

/** Why a string cannot be stored as text, or null when it can. */
export function textFault(s: string): TextFault | null {
  if (s.includes('\0')) return 'nul';
  if (!(s as string & { isWellFormed(): boolean }).isWellFormed()) return 'lone_surrogate';
  return null;
}

export interface TextFaultAt {
  /** dotted path of the string (or of the object key) at fault, e.g. requester.name or tags.2 */
  path: string;
  fault: TextFault;
}

/** The first string or object key in a parsed value (JSON, query, form fields) that cannot be stored. */
export function findTextFault(value: unknown, path = '', depth = 0): TextFaultAt | null {
  if (typeof value === 'string') {
    const fault = textFault(value);
    return fault ? { path, fault } : null;
  }
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findTextFault(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    const keyFault = textFault(key);
    if (keyFault) return { path: at, fault: keyFault };
    const found = findTextFault(v, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The coded 400 for text that cannot be stored: INVALID_TEXT, naming the field and what to fix. */
export function invalidText(field: string, fault: TextFault): AppError {
  const message = `${field || 'body'} ${FAULT_MESSAGE[fault]}`;
  return new AppError('INVALID_TEXT', message, { field: field || 'body', details: [{ field: field || 'body', code: fault, message }] });
}

/** Throws INVALID_TEXT when any string in the value cannot be stored; `prefix` names where it came from. */
export function assertStorableText(value: unknown, prefix = ''): void {
  const found = findTextFault(value);
  if (found) throw invalidText(prefix && found.path ? `${prefix}.${found.path}` : prefix || found.path, found.fault);
}

/**
 * Text we must keep rather than refuse (a customer's mail, a file's contents): NUL characters removed,
 * lone surrogates replaced by U+FFFD. Use only where refusing would lose a customer's message.
 */
export function toStorableText(s: string): string {
  if (!textFault(s)) return s;
  return (s.replace(/\0/g, '') as string & { toWellFormed(): string }).toWellFormed();
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as UTF-8 text, or null when they are not valid UTF-8 (the caller answers INVALID_TEXT / invalid_utf8). */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
