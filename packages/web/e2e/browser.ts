import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Account, E2eEnv } from './env';

// One Chromium (Debian's, never a downloaded one) for the suite; a context per person; screenshots
// into test-artifacts/e2e at the key steps and of every open page when a flow fails.

// Playwright starts Chromium with a new empty --user-data-dir of its own (and --headless /
// --no-sandbox from the options below); the rest keeps it off the network and quiet.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const TIMEOUT = 30_000; // one condition on a loaded 2-core machine
/**
 * A suffix that keeps a test's names apart from other runs'. Digits only: one server and one tenant serve
 * every browser test, and each page is checked to show no Latin text, also the names other tests made.
 */
export const runStamp = () => String(Date.now()).slice(-9);
const NAV_TIMEOUT = 60_000;

export async function launch(env: E2eEnv): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: env.chromium, headless: true, chromiumSandbox: false, args: ARGS, timeout: 120_000 });
  // should vitest be killed, its worker (this process) is orphaned: close the browser and leave
  const parent = process.ppid;
  const guard = setInterval(() => {
    if (process.ppid !== parent) void browser.close().finally(() => process.exit(1));
  }, 1000);
  guard.unref();
  browser.on('disconnected', () => clearInterval(guard));
  return browser;
}

/** A file's Chromium: launched before its flows, each flow's sessions closed after it, closed at the end. */
export function useBrowser(env: E2eEnv): () => Browser | null {
  let browser: Browser | null = null;
  beforeAll(async () => {
    if (env.problem) throw new Error(env.problem);
    browser = await launch(env);
  });
  afterEach(async () => {
    for (const context of browser?.contexts() ?? []) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser;
}

/** A phone's screen (an iPhone 14's CSS pixels), for the console's phone layout. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

/**
 * A new browser session (its own cookies and localStorage), signed in through the API when an account is
 * given; a 1440 × 900 desktop unless `device` says otherwise (e.g. PHONE).
 */
export async function session(browser: Browser, env: E2eEnv, account?: Account, device: Partial<typeof PHONE> = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: env.baseURL, viewport: { width: 1440, height: 900 }, ...device, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(NAV_TIMEOUT);
  if (account) {
    const res = await context.request.post('/api/v1/auth/login', { data: { email: account.email, password: account.password } });
    if (!res.ok()) throw new Error(`sign-in of ${account.email} failed: ${res.status()} ${await res.text()}`);
  }
  const page = await context.newPage();
  // the server's Content-Security-Policy must never get in the console's way: a refusal fails the flow
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspViolations.push(`${page.url()}: ${msg.text()}`);
  });
  return { context, page };
}

/** What the browser refused under the server's Content-Security-Policy during the current flow. */
const cspViolations: string[] = [];

/** Waits (up to 5 s) for finite CSS animations and transitions to end: a screenshot shows the settled page, a click lands where the element stays. */
export async function settled(page: Page) {
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), undefined, { timeout: 5000 })
    .catch(() => undefined);
}

/** expect.poll with this suite's patience (vitest's default gives up after one second). */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: TIMEOUT, interval: 200 });

let shots = 0;
export async function shot(env: E2eEnv, page: Page, name: string) {
  shots += 1;
  await settled(page);
  await page.screenshot({ path: join(env.artifacts, `${String(shots).padStart(2, '0')}-${name}.png`), timeout: TIMEOUT });
}

/** One flow of the suite: a test that, when it fails, leaves a screenshot of every open page. */
export function flow(browser: () => Browser | null, env: E2eEnv, id: string, title: string, fn: () => Promise<void>) {
  test(`${id} ${title}`, async () => {
    cspViolations.length = 0;
    try {
      await fn();
      expect(cspViolations, 'Content-Security-Policy refusals').toEqual([]);
    } catch (err) {
      const b = browser();
      let i = 0;
      for (const page of b?.contexts().flatMap((c) => c.pages()) ?? [])
        await page.screenshot({ path: join(env.artifacts, `FAILED-${id}-${++i}.png`), timeout: 10_000 }).catch(() => undefined);
      throw err;
    }
  });
}

/** Records the live socket of a page (GET /api/v1/live): its hello, and every frame after. */
export function watchLive(page: Page) {
  const state = { open: 0, hello: 0, frames: [] as string[] };
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/api/v1/live')) return;
    state.open += 1;
    ws.on('framereceived', (f) => {
      const text = String(f.payload);
      state.frames.push(text);
      if (text.includes('"type":"hello"')) state.hello += 1;
    });
    ws.on('close', () => (state.open -= 1));
  });
  return state;
}

/** Opens an Ant Design select and picks the option with exactly this label (typing first for a searched one). */
export async function choose(page: Page, testId: string, label: string, opts: { type?: string } = {}) {
  const select = page.getByTestId(testId);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${escapeRe(label)}$`) });
  // On a loaded machine a click can land while a searched list re-renders (the typed search is
  // debounced, then its answer replaces the options) and select nothing: the list then stays open,
  // and the pick is tried again.
  for (let attempt = 1; ; attempt++) {
    if (!(await option.first().isVisible())) {
      await select.click();
      if (opts.type) {
        await select.locator('input').fill(opts.type);
        await option.first().waitFor();
        await page.waitForTimeout(500); // the debounced search (250 ms) and its answer
      }
    }
    await option.first().click();
    const closed = await option
      .first()
      .waitFor({ state: 'hidden', timeout: 5000 })
      .then(() => true, () => false);
    if (closed || attempt === 3) return;
  }
}

/** Picks a node of an Ant Design tree select by its title, and checks the select shows it: on a loaded
 * machine a click can land while the tree's popup still animates in and select nothing. */
export async function chooseTree(page: Page, testId: string, title: string) {
  const select = page.getByTestId(testId);
  const node = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree').getByText(title, { exact: true });
  for (let attempt = 1; ; attempt++) {
    if (!(await node.isVisible())) await select.click();
    await node.click();
    const shown = await expect
      .poll(() => select.innerText(), { timeout: 5000, interval: 200 })
      .toContain(title)
      .then(() => true, () => false);
    if (shown) return;
    if (attempt === 3) throw new Error(`the tree select ${testId} does not show ${title} after three picks`);
  }
}

/** The text an Ant Design select shows as its value. */
export const selected = (page: Page, testId: string): Locator => page.getByTestId(testId).locator('.ant-select-content');

/** The message Ant Design shows under the form field that holds this control. */
export const fieldError = (page: Page, testId: string): Locator =>
  page.locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Types words into the queue's search box, presses Enter and waits until the address carries them. */
export async function searchQueue(page: Page, words: string) {
  const search = page.getByTestId('filter-q').locator('input');
  await search.fill(words);
  await search.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === words);
}
