import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// The Chinese-only screen check: a zh-CN page shows no English words and no raw error codes. What it
// may show in Latin letters: product, brand and protocol names (the allow-list), and data values that
// are not words — email addresses, URLs, ticket and order numbers, device serials, keys, times.
// People's own words (ticket titles and texts, names, comments) are data too: pass the elements that
// hold them as `skip` selectors, or their Latin words as `allow`.

/** Latin words a zh-CN screen may show: the product's name, brand and protocol names. */
export const LATIN_ALLOWED = [
  'Gongdan',
  'API',
  'SMTP',
  'IMAP',
  'MQTT',
  'IoT',
  'HTTP',
  'HTTPS',
  'URL',
  'SLA',
  'VIP',
  'SVIP',
  'CSV',
  'GBK',
  'JSON',
  'JSONL',
  'Excel',
  'PDF',
  'F1',
  'ID',
  'VPN',
  'Wi-Fi',
  'CTI',
  'SMS',
  'QR',
  'Webhook',
];

/** Elements whose text is people's data in the console, not its interface. */
// knowledge articles and solved tickets quoted by 知识推荐 (.gd-suggestion-content) are people's words too
export const USER_CONTENT = ['[data-testid="ticket-link"]', '[data-testid="ticket-card-title"]', '.gd-suggestion-content', 'input', 'textarea', '[contenteditable="true"]', 'code', 'pre'];

/** Values that are data, not words: removed before looking for words. */
const DATA_VALUES: RegExp[] = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // email addresses
  /\bhttps?:\/\/\S+/g, // URLs
  /[\w.-]+(\/[\w.-]+){2,}/g, // paths and topics such as gongdan/default/devices/SN-1001/alarm
  /\b(gdd|wf|ch)_[\w-]+/g, // device keys, web form and chat keys
  /\b[\w-]*\d[\w-]*\b/g, // anything with a digit: ticket and order numbers, serials (ELV-SZ-0101), codes (E21), times
];
/** A raw error code (RELAY_NOT_CONFIGURED, NOT_FOUND): never for a person's eyes. */
const ERROR_CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const LATIN_WORD = /[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g;

export interface ChineseOnlyOptions {
  /** More Latin words this page may show (e.g. brand names in the data), as strings or patterns. */
  allow?: (string | RegExp)[];
  /** CSS selectors of elements not checked (people's words); added to USER_CONTENT. */
  skip?: string[];
}

/**
 * The texts of the page a person meets: visible text nodes, placeholders and tooltips (title) on the
 * screen, and what a screen reader says (aria-label) — Ant Design's icons included, which name
 * themselves in English unless the console hides them (aria-hidden) or names them — outside skipped
 * elements. A label inside an aria-hidden subtree, or under display: none / visibility: hidden, is not
 * spoken and not checked.
 */
async function visibleTexts(page: Page, skip: string[]): Promise<string[]> {
  return page.evaluate((skipSelector) => {
    const out: string[] = [];
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || el.closest('script, style, noscript') || el.closest(skipSelector) || !visible(el)) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [title]')) {
      if (el.closest(skipSelector) && !el.matches('input, textarea')) continue;
      if (!visible(el)) continue;
      for (const attr of ['placeholder', 'title']) {
        const v = el.getAttribute(attr)?.trim();
        if (v) out.push(v);
      }
    }
    // screen-reader names: spoken even when not drawn (a zero-size input, a visually hidden label)
    for (const el of document.querySelectorAll('[aria-label]')) {
      if (el.closest(skipSelector) && !el.matches('input, textarea')) continue;
      if (el.closest('[aria-hidden="true"]') || !el.checkVisibility({ visibilityProperty: true })) continue;
      const v = el.getAttribute('aria-label')?.trim();
      if (v) out.push(v);
    }
    return out;
  }, [...USER_CONTENT, ...skip].join(', '));
}

/** The English words and raw error codes in these texts, each with the text it was found in. */
export function latinOffenders(texts: string[], allow: (string | RegExp)[] = []): string[] {
  const allowed = (w: string) => LATIN_ALLOWED.includes(w) || allow.some((a) => (typeof a === 'string' ? a === w : a.test(w)));
  const found: string[] = [];
  for (const text of texts) {
    for (const code of text.match(ERROR_CODE) ?? []) if (!allowed(code)) found.push(`code ${code} in "${text}"`);
    let rest = text.replace(ERROR_CODE, ' ');
    for (const re of DATA_VALUES) rest = rest.replace(re, ' ');
    for (const word of rest.match(LATIN_WORD) ?? []) if (!allowed(word)) found.push(`"${word}" in "${text}"`);
  }
  return [...new Set(found)];
}

/** Fails when the page, in zh-CN, shows an English word or a raw error code outside people's data. */
export async function expectChineseOnly(page: Page, opts: ChineseOnlyOptions = {}): Promise<void> {
  // the screen settled: no spinner or toast still at work (Ant Design's spinning icon names itself "loading")
  const settled = await page
    .waitForFunction(() => !document.querySelector('.anticon-loading, .ant-message-notice, .ant-spin-spinning'), null, { timeout: 30_000 })
    .then(() => true, () => false);
  if (!settled) {
    // say what is still at work: the test ids around each spinner, so a stuck request is named
    const busy = await page.evaluate(() =>
      [...document.querySelectorAll('.anticon-loading, .ant-message-notice, .ant-spin-spinning')].map((el) => {
        const ids: string[] = [];
        for (let e: Element | null = el; e; e = e.parentElement) if (e.getAttribute('data-testid')) ids.push(e.getAttribute('data-testid')!);
        return `${el.className} in [${ids.join(' < ')}]`;
      }),
    );
    expect(busy.join('; '), `still loading after 30 s on ${page.url()}`).toBe('');
  }
  const texts = await visibleTexts(page, opts.skip ?? []);
  expect(latinOffenders(texts, opts.allow), `English or raw codes on ${page.url()}`).toEqual([]);
}
