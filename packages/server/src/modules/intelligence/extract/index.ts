import { findAddresses } from './addresses';
import { findAmounts } from './amounts';
import { findCodes } from './codes';
import { findDates, type DateOptions } from './dates';
import { findEmails } from './emails';
import { findOrders } from './orders';
import { findPhones } from './phones';
import { findSerials } from './serials';
import { halfWidth } from './text';
import type { Extracted, Found } from './types';

export type { Extracted, ExtractedKind } from './types';
export { EXTRACTED_KINDS } from './types';
export { prefillCustomFields, type Prefill } from './prefill';

export type ExtractOptions = DateOptions;

// Kinds that win over others on the same span: a keyword-led order beats the phone inside it.
const RANK: Record<Extracted['kind'], number> = {
  email: 9, order: 8, serial: 7, model: 6, error_code: 5, mobile: 4, landline: 4, date: 3, amount: 3, address: 2,
};
const URL = /\b(?:https?:\/\/|www\.)[^\s\u4e00-\u9fa5，。；！？、）》」]+/gi;

/**
 * Finds order numbers, phones, emails, serials, models, error codes, amounts, addresses and dates
 * in a ticket's text. Full-width characters count as their ASCII forms. Results are sorted by
 * position and never overlap: among overlapping candidates the more confident (then longer, then
 * more specific kind) wins, so the digits of an order number are not also a phone. Nothing is
 * taken from inside a URL. A value found twice is listed once, where it is first said.
 */
export function extractFields(text: string, options: ExtractOptions): Extracted[] {
  const norm = halfWidth(text);
  const urls = [...norm.matchAll(URL)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const all: Found[] = [
    ...findOrders(norm), ...findPhones(norm), ...findEmails(norm), ...findSerials(norm), ...findCodes(norm),
    ...findAmounts(norm), ...findAddresses(norm), ...findDates(norm, options),
  ].filter((f) => f.end > f.start && !urls.some(([s, e]) => f.start < e && s < f.end));
  all.sort(
    (a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || RANK[b.kind] - RANK[a.kind] || a.start - b.start,
  );
  const kept: Found[] = [];
  for (const f of all) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  // a value said twice (E21 in the title and again in the text) is one detail: its first mention
  const seen = new Set<string>();
  return kept
    .sort((a, b) => a.start - b.start)
    .filter((f) => {
      const key = `${f.kind}\u0000${String(f.value)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((f) => ({ ...f, text: text.slice(f.start, f.end) }) as Extracted);
}
