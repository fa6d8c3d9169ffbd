import { HOUR } from './random';

// Small text and time helpers shared by the demo loader.

/** China time is UTC+8, no daylight saving. */
export const SHANGHAI = 8 * HOUR;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text as one HTML paragraph. */
export const html = (s: string) => `<p>${escapeHtml(s)}</p>`;

/** Replaces {placeholders} by their values; unknown placeholders stay as they are. */
export const fill = (s: string, ctx: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => ctx[k] ?? m);

/** YYYY-MM-DD in China time. */
export const localDate = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 10);
