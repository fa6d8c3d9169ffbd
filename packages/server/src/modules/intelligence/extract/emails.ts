import { found, type Found } from './types';
import { matches } from './text';

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/;

export function findEmails(text: string): Found[] {
  const out: Found[] = [];
  for (const m of matches(EMAIL, text)) {
    const [local, domain] = m[0].split('@') as [string, string];
    if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) continue;
    out.push(found('email', `${local}@${domain.toLowerCase()}`, m.index, m.index + m[0].length, 0.95));
  }
  return out;
}
