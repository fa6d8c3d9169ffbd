export const EXTRACTED_KINDS = [
  'order', 'mobile', 'landline', 'email', 'serial', 'model', 'error_code', 'amount', 'address', 'date',
] as const;
export type ExtractedKind = (typeof EXTRACTED_KINDS)[number];

/**
 * One thing found in a text. `text` is the matched substring of the original text and
 * `start`/`end` its UTF-16 span (`text === original.slice(start, end)`).
 * `value` is normalized: digits only for phones ("13800138000", "0755-88881234"),
 * a number for amounts (with `currency`), an ISO date "2026-03-02", datetime
 * "2026-03-02T15:30:00+08:00" or month "2026-03" for dates (with `precision`).
 */
export interface Extracted {
  kind: ExtractedKind;
  value: string | number;
  text: string;
  start: number;
  end: number;
  /** 0..1: how sure the rule is (a keyword nearby raises it). */
  confidence: number;
  currency?: string;
  precision?: 'month' | 'week' | 'day' | 'minute';
}

export type Found = Omit<Extracted, 'text'>;

export const found = (kind: ExtractedKind, value: string | number, start: number, end: number, confidence: number, extra: Partial<Extracted> = {}): Found => ({
  kind, value, start, end, confidence, ...extra,
});
