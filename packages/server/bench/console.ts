import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { metaPath, type BenchMeta } from './generate';
import { api, emit, log, percentile, postgresServerUrl, REPO_DIR, round, startServer, withDatabase } from './lib/server';

// The web console in headless Chromium against the generated million (see generate.ts): how long
// the agent waits for what they asked to see. Every figure is measured inside the page: from the
// input event's timeStamp (the click or the Enter key, `performance.now()` time base) to the first
// animation frame after the DOM shows the expected result (a MutationObserver checks the
// condition on every change), so neither Playwright's round trips nor the script's own waits count.
// Each step is repeated `runs` times; p50 / p95 per step. Every API request the page makes is
// recorded from Playwright's request events: per step the largest response and the slowest request,
// and a check that no request asked for (limit > 500) or received (> 500 items) an unbounded list.

export interface ConsoleOptions {
  db: 'pglite' | 'postgres';
  dataDir: string;
  databaseUrl?: string;
  dbName: string;
  runs: number;
  chromium: string;
  /** 'cold': only the cold loads (sign-in form, ticket pages), each in a new browser session. */
  only?: 'cold';
  /** A built console to serve instead of packages/web/dist (not rebuilt), e.g. an older build to compare with. */
  webDist?: string;
}

// as packages/web/e2e/browser.ts launches Debian's Chromium (playwright adds its own --user-data-dir)
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TIMEOUT = 60_000;
const MAX_LIMIT = 500;
const HEAVY_MARK = '时间线压测'; // in the title of generate.ts's 500-event ticket

// In-page helpers, installed before any script of the console runs. A plain string: functions
// handed to page.evaluate would be compiled by tsx, which may add helpers the page does not have.
const pageHelpers = (coldTitle: string | null) => `(() => {
  const gd = (window.__gd = { input: 0, inputType: '' });
  for (const type of ['click', 'keydown'])
    addEventListener(type, (e) => { if (e.isTrusted) { gd.input = e.timeStamp; gd.inputType = type; } }, true);
  gd.rows = () => [...document.querySelectorAll('[data-testid^="ticket-row-"]')].map((el) => Number(el.getAttribute('data-testid').slice(11)));
  gd.rowsStartWith = (expected) => { const r = gd.rows(); return expected.length > 0 && expected.every((n, i) => r[i] === n); };
  gd.emptyList = () => !!document.querySelector('[data-testid="ticket-table"] .ant-empty') && gd.rows().length === 0;
  gd.loaded = () => Number((document.querySelector('[data-testid="list-loaded"]')?.textContent ?? '').replace(/[^0-9]/g, '') || -1);
  gd.detailReady = (title) => (document.querySelector('[data-testid="ticket-title"]')?.textContent ?? '').includes(title) && !!document.querySelector('[data-testid="timeline"] [data-index="0"]');
  // resolves with the time the condition was first seen true (checked on every DOM change) and the
  // time of the next animation frame: the result is on screen
  gd.when = (check, timeoutMs) => new Promise((resolve, reject) => {
    let done = false;
    const finish = () => {
      if (done) return;
      let ok = false;
      try { ok = !!check(); } catch (e) { ok = false; }
      if (!ok) return;
      done = true;
      obs.disconnect();
      clearTimeout(timer);
      const seen = performance.now();
      requestAnimationFrame(() => resolve({ seen, painted: performance.now() }));
    };
    const obs = new MutationObserver(finish);
    obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => { if (!done) { done = true; obs.disconnect(); reject(new Error('condition not met within ' + timeoutMs + ' ms: ' + check)); } }, timeoutMs);
    finish();
  });
  // arms a wait before the action that should satisfy it; false when the condition already holds
  gd.arm = (check, timeoutMs) => {
    let before = false;
    try { before = !!check(); } catch (e) { before = false; }
    gd.pending = before ? null : gd.when(check, timeoutMs);
    return !before;
  };
  // a cold load of a ticket page: ready counted from navigation start; interactive once the reply box takes text
  const coldTitle = ${JSON.stringify(coldTitle)} ?? sessionStorage.getItem('gd-cold-title');
  if (/^\\/tickets\\/\\d+$/.test(location.pathname) && coldTitle)
    gd.cold = gd.when(() => gd.detailReady(coldTitle) && !!document.querySelector('[data-testid="reply-text"]'), ${TIMEOUT});
  // a cold load of the sign-in page: the form can be filled in and sent
  if (location.pathname === '/login')
    gd.coldLogin = gd.when(() => !!document.querySelector('[data-testid="sign-in-form"] [data-testid="sign-in-submit"]:not([disabled])'), ${TIMEOUT});
  // what the page's own files and API answers weighed on the wire (resource timing; all same-origin)
  gd.transferred = () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((s, e) => s + (e.encodedBodySize || 0), 0);
  // frame intervals while something else (a wheel gesture) scrolls
  gd.recordFrames = () => {
    const rec = (gd.frameRec = { frames: [], last: performance.now(), on: true });
    const tick = (now) => { if (!rec.on) return; rec.frames.push(now - rec.last); rec.last = now; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  };
  gd.stopFrames = () => { gd.frameRec.on = false; return gd.frameRec.frames; };
  // scrolls an element by 'step' px per animation frame until 'until()' holds (or the bottom is
  // reached and stays so for 'settleFrames' frames); returns the elapsed time and frame intervals
  gd.scrollFrames = (el, step, until, timeoutMs) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const frames = [];
    let last = t0;
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      el.scrollTop = Math.min(el.scrollTop + step, el.scrollHeight);
      let ok = false;
      try { ok = !!until(); } catch (e) { ok = false; }
      if (ok) return requestAnimationFrame((t) => { frames.push(t - last); resolve({ ms: performance.now() - t0, frames }); });
      if (performance.now() - t0 > timeoutMs) return reject(new Error('scrolling did not reach its end within ' + timeoutMs + ' ms'));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
})();`;

interface Rec {
  step: string;
  method: string;
  url: string;
  status: number;
  ms: number;
  bytes: number;
  items: number | null;
  limit: number | null;
}

/** Every /api/ request of a browser context, attributed to the step running when it started. */
class Network {
  step = 'setup';
  readonly records: Rec[] = [];
  private inflight = 0;
  private handlers: Promise<void>[] = [];
  private lastChange = performance.now();

  constructor(context: BrowserContext) {
    const starts = new Map<Request, string>();
    context.on('request', (r) => {
      if (!new URL(r.url()).pathname.startsWith('/api/')) return;
      starts.set(r, this.step);
      this.inflight++;
      this.lastChange = performance.now();
    });
    const done = (r: Request, failed: boolean) => {
      const step = starts.get(r);
      if (step === undefined) return;
      starts.delete(r);
      this.handlers.push(
        this.record(r, step, failed).finally(() => {
          this.inflight--;
          this.lastChange = performance.now();
        }),
      );
    };
    context.on('requestfinished', (r) => done(r, false));
    context.on('requestfailed', (r) => done(r, true));
  }

  private async record(r: Request, step: string, failed: boolean) {
    const u = new URL(r.url());
    const limit = u.searchParams.get('limit');
    let status = 0;
    let bytes = 0;
    let items: number | null = null;
    if (!failed) {
      const res = await r.response().catch(() => null);
      status = res?.status() ?? 0;
      const body = await res?.body().catch(() => null);
      bytes = body?.length ?? 0;
      if (body && /json/.test(res?.headers()['content-type'] ?? '')) {
        try {
          const j = JSON.parse(body.toString('utf8'));
          if (Array.isArray(j?.items)) items = j.items.length;
        } catch {
          /* not JSON after all */
        }
      }
    }
    const t = r.timing();
    this.records.push({ step, method: r.method(), url: u.pathname + u.search, status, ms: round(t.responseEnd >= 0 ? t.responseEnd : -1, 1), bytes, items, limit: limit === null ? null : Number(limit) });
  }

  /** Waits until no API request is in flight or being recorded, quiet for `quietMs`. */
  async idle(quietMs = 150, timeoutMs = TIMEOUT) {
    const until = performance.now() + timeoutMs;
    while (performance.now() < until) {
      await Promise.all(this.handlers);
      if (this.inflight === 0 && performance.now() - this.lastChange >= quietMs) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    log(`console: requests still in flight after ${timeoutMs} ms (step ${this.step})`);
  }
}

interface Sample {
  ms: number;
  /** Extra per-sample figures (frame intervals of a scroll…). */
  extra?: Record<string, number>;
}

interface Step {
  name: string;
  what: string;
  samples: Sample[];
}

const unbounded = (r: Rec) => (r.limit !== null && r.limit > MAX_LIMIT) || (r.items !== null && r.items > MAX_LIMIT);

export async function benchConsole(o: ConsoleOptions): Promise<void> {
  const file = metaPath(o);
  if (!existsSync(file)) throw new Error(`${file} not found: run \`npm run bench -- generate --db ${o.db}\` first`);
  const meta = JSON.parse(readFileSync(file, 'utf8')) as BenchMeta;
  if (!existsSync(o.chromium)) throw new Error(`Chromium not found at ${o.chromium} (sudo apt-get install chromium fonts-wqy-microhei, or --chromium PATH)`);
  if (o.webDist) {
    if (!existsSync(join(o.webDist, 'index.html'))) throw new Error(`${o.webDist} holds no built console (index.html)`);
    log(`console: serving the console built in ${o.webDist}`);
  } else {
    // the console, built as `npm start` builds it (a no-op when packages/web/dist is up to date)
    const build = spawnSync(process.execPath, [join(REPO_DIR, 'scripts/ensure-web-build.mjs')], { cwd: REPO_DIR, encoding: 'utf8' });
    log((build.stdout + build.stderr).trim());
    if (build.status !== 0) throw new Error('building the web console failed');
  }

  const databaseUrl = o.db === 'postgres' ? withDatabase(await postgresServerUrl(o.databaseUrl), o.dbName) : undefined;
  log(`console: ${meta.tickets.toLocaleString('en')} tickets on ${o.db}; starting the server`);
  const server = await startServer({ dataDir: o.db === 'pglite' ? o.dataDir : undefined, databaseUrl, env: o.webDist ? { WEB_DIST_DIR: o.webDist } : undefined });
  let browser: Browser | null = null;
  try {
    // ── what the page should show, from the API (same parameters the console sends) ──
    const login = await api(server.url, null, 'POST', '/api/v1/auth/login', meta.admin);
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
    const token = login.body.token as string;
    const get = async (path: string) => {
      const r = await api(server.url, token, 'GET', `/api/v1${path}`);
      if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      return r.body;
    };
    const OPEN = 'new,open,pending,on_hold';
    const e = encodeURIComponent;
    const firstRows = async (query: string) => ((await get(`/tickets?${query}&limit=50`)).items as { number: number }[]).map((t) => t.number);
    const K = 8; // rows compared: the first K of the new list, in order
    const all = await firstRows('sort=-created_at');
    const expect = {
      all: all.slice(0, K),
      unassigned: (await firstRows(`assignee=none&status=${OPEN}&sort=created_at`)).slice(0, K),
      recent: (await firstRows('sort=-updated_at')).slice(0, K),
      common: (await firstRows(`q=${e(meta.commonWord)}&sort=-created_at`)).slice(0, K),
      rare: (await firstRows(`q=${e(meta.rareWord)}&sort=-created_at`)).slice(0, K),
    };
    const mineCount = (await get(`/tickets/count?assignee=me&status=${OPEN}`)).count as number;
    const page1 = await get('/tickets?sort=-created_at&limit=50');
    const page2 = await get(`/tickets?sort=-created_at&limit=50&cursor=${page1.nextCursor}`);
    const row100 = (page2.items as { number: number }[])[49].number;
    const rareTotal = (await get(`/tickets/count?q=${e(meta.rareWord)}`)).count as number;
    // the 500-event ticket, found through the API like a user would: by a word of its title
    const heavyHits = (await get(`/tickets?q=${e(HEAVY_MARK)}&limit=5`)).items as { id: string; number: number; title: string }[];
    let heavy: { id: string; number: number; title: string; events: number } | null = null;
    for (const t of heavyHits) {
      let n = 0;
      let after = '';
      for (;;) {
        const page = await get(`/tickets/${t.id}/events?limit=100${after ? `&after=${after}` : ''}`);
        n += page.items.length;
        if (!page.nextCursor) break;
        after = page.nextCursor;
      }
      if (!heavy || n > heavy.events) heavy = { ...t, events: n };
    }
    if (!heavy || heavy.events < 100) throw new Error(`no ticket with many events found by q=${HEAVY_MARK}`);
    log(`console: 我的待办 of the admin has ${mineCount} tickets; ${meta.rareWord} matches ${rareTotal}; ticket #${heavy.number} has ${heavy.events} events`);
    for (const [a, b] of [
      ['all', 'unassigned'],
      ['unassigned', 'recent'],
      ['all', 'common'],
      ['all', 'rare'],
    ] as const)
      if (expect[a].join() === expect[b].join()) throw new Error(`views ${a} and ${b} start with the same rows: their switch could not be observed`);

    browser = await chromium.launch({ executablePath: o.chromium, headless: true, chromiumSandbox: false, args: ARGS, timeout: 120_000 });
    const steps = new Map<string, Step>();
    const networks: Network[] = [];
    const add = (name: string, what: string, s: Sample) => {
      const st = steps.get(name) ?? { name, what, samples: [] };
      st.samples.push(s);
      steps.set(name, st);
    };
    const newContext = async (coldTitle: string | null = null) => {
      const context = await browser!.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      context.setDefaultTimeout(TIMEOUT);
      context.setDefaultNavigationTimeout(TIMEOUT);
      await context.addInitScript({ content: pageHelpers(coldTitle) });
      const net = new Network(context);
      networks.push(net);
      return { context, net, page: await context.newPage() };
    };

    /** Arms the condition, runs the action (a real click or key press), returns input → painted in ms. */
    async function measure(page: Page, net: Network, name: string, check: string, action: () => Promise<unknown>): Promise<number> {
      net.step = name;
      const armed = await page.evaluate(`__gd.arm(() => ${check}, ${TIMEOUT})`);
      if (!armed) throw new Error(`${name}: the page already shows ${check} before the action`);
      await page.evaluate('__gd.input = 0');
      await action();
      const r = (await page.evaluate('__gd.pending')) as { seen: number; painted: number };
      const input = (await page.evaluate('__gd.input')) as number;
      if (!input) throw new Error(`${name}: no input event was seen`);
      await net.idle();
      return round(r.painted - input, 1);
    }

    const rows = (n: number[]) => `__gd.rowsStartWith(${JSON.stringify(n)})`;
    const clickView = (page: Page, key: string) => page.getByTestId('views-panel').getByTestId(`view-${key}`).click();

    // ── 0. cold loads: a new browser session each time (empty cache), counted from navigation start ──
    const usual = (page1.items as { number: number; title: string }[])[0];
    for (let i = 0; i < o.runs; i++) {
      {
        const { context, page, net } = await newContext();
        net.step = 'cold: sign-in form';
        await page.goto('/login');
        const r = (await page.evaluate('__gd.coldLogin')) as { painted: number };
        add('cold: sign-in form', 'a new session (empty cache) loads /login → the form can be filled in and sent, from navigation start', { ms: round(r.painted, 1), extra: { kb_transferred: round(((await page.evaluate('__gd.transferred()')) as number) / 1024, 1) } });
        await net.idle();
        await context.close();
      }
      for (const [name, t] of [
        [`cold: ticket page (${heavy.events} events)`, heavy],
        ['cold: ticket page (usual)', usual],
      ] as const) {
        const { context, page, net } = await newContext(t.title);
        await context.request.post('/api/v1/auth/login', { data: meta.admin });
        net.step = name;
        await page.goto(`/tickets/${t.number}`);
        const r = (await page.evaluate('__gd.cold')) as { painted: number };
        add(name, `a signed-in session with an empty cache loads /tickets/${t.number} → title, first timeline entry and the reply box painted, from navigation start`, {
          ms: round(r.painted, 1),
          extra: { kb_transferred: round(((await page.evaluate('__gd.transferred()')) as number) / 1024, 1) },
        });
        await net.idle();
        await context.close();
      }
      log(`console: cold round ${i + 1}/${o.runs} done`);
    }

    if (o.only !== 'cold') {
    // ── 1. sign-in → list: a new browser session each time, opening /tickets?view=all ──
    for (let i = 0; i < o.runs; i++) {
      const { context, page, net } = await newContext();
      await page.goto('/tickets?view=all');
      await page.getByTestId('sign-in-form').waitFor();
      await page.getByTestId('sign-in-email').fill(meta.admin.email);
      await page.getByTestId('sign-in-password').fill(meta.admin.password);
      const ms = await measure(page, net, 'sign-in → 全部 first rows', rows(expect.all), () => page.getByTestId('sign-in-submit').click());
      add('sign-in → 全部 first rows', 'click 登录 → first rows of 全部 (sort -created_at) painted; includes scrypt sign-in, /auth/me, lookups, the list chunk, page 1 and the view counts in parallel', { ms });
      await context.close();
      log(`console: sign-in ${i + 1}/${o.runs}: ${ms} ms`);
    }

    // ── 2. the queue in one signed-in session ──
    const { context, page, net } = await newContext();
    await context.request.post('/api/v1/auth/login', { data: meta.admin });
    net.step = 'setup';
    await page.goto('/tickets?view=all');
    await page.waitForFunction(rows(expect.all), undefined, { timeout: TIMEOUT });
    await net.idle();
    const holder = '[data-testid="ticket-table"] .ant-table-tbody-virtual-holder';
    for (let i = 0; i < o.runs; i++) {
      // views: 全部 → 未分配 → 最近更新 → 我的待办 → 全部 (neighbours start with different rows)
      add('view 未分配', `assignee=none & open statuses, sort created_at`, { ms: await measure(page, net, 'view 未分配', rows(expect.unassigned), () => clickView(page, 'unassigned')) });
      add('view 最近更新', 'all tickets, sort -updated_at', { ms: await measure(page, net, 'view 最近更新', rows(expect.recent), () => clickView(page, 'recent')) });
      add('view 我的待办', `assignee=me & open statuses (${mineCount} tickets for this admin: the empty state)`, { ms: await measure(page, net, 'view 我的待办', '__gd.emptyList()', () => clickView(page, 'mine')) });
      add('view 全部', 'all tickets, sort -created_at', { ms: await measure(page, net, 'view 全部', rows(expect.all), () => clickView(page, 'all')) });

      // full-text search from 全部: type the word, Enter
      for (const [key, word, n] of [
        ['common', meta.commonWord, 'common'],
        ['rare', meta.rareWord, 'rare'],
      ] as const) {
        const name = `search ${word} (${n})`;
        const input = page.getByTestId('filter-q').locator('input');
        await input.fill(word);
        add(name, `q=${word}${n === 'rare' ? ` (${rareTotal} tickets)` : ''}, Enter → first matching rows painted`, { ms: await measure(page, net, name, rows(expect[key]), () => input.press('Enter')) });
        await measure(page, net, 'reset', rows(expect.all), () => clickView(page, 'all'));
      }

      // next page by cursor: 加载更多 → 100 loaded
      add('next page (加载更多)', 'click 加载更多 → 100 tickets loaded (page 2 by keyset cursor)', { ms: await measure(page, net, 'next page (加载更多)', '__gd.loaded() === 100', () => page.getByTestId('load-more').click()) });

      // the virtual table: a wheel gesture (15 × 400 px) over the table, from the top of the 100
      // loaded rows until row 100 is painted; nearing the end loads the next pages by itself
      await page.locator(holder).hover();
      const wheel = 'virtual list: wheel to row 100';
      await page.evaluate(`__gd.recordFrames()`);
      const wheelMs = await measure(page, net, wheel, `__gd.rows().includes(${row100})`, async () => {
        await page.evaluate(`addEventListener('wheel', (e) => { if (!__gd.input) __gd.input = e.timeStamp; }, { capture: true, once: true })`);
        for (let k = 0; k < 15; k++) await page.mouse.wheel(0, 400);
      });
      add(wheel, 'mouse wheel, 15 × 400 px as fast as Playwright sends them, from the top → row 100 painted; frames = intervals while scrolling (the pages after 100 load on the way)', frameSample({ ms: wheelMs, frames: (await page.evaluate('__gd.stopFrames()')) as number[] }));
      // then programmatically, 120 px per animation frame from the top to the bottom of what is loaded
      const scroll = 'virtual list: scroll loaded rows';
      net.step = scroll;
      const loadedBefore = (await page.evaluate('__gd.loaded()')) as number;
      await page.evaluate(`document.querySelector('${holder}').scrollTop = 0`);
      const sc = (await page.evaluate(
        `(() => { const el = document.querySelector('${holder}'); return __gd.scrollFrames(el, 120, () => el.scrollTop + el.clientHeight >= el.scrollHeight - 2, ${TIMEOUT}); })()`,
      )) as { ms: number; frames: number[] };
      await net.idle();
      add(scroll, '120 px per animation frame from the top to the bottom of the loaded rows (150–250; the bottom asks for the next page)', { ...frameSample(sc), extra: { ...frameSample(sc).extra, rows_loaded: loadedBefore } });
      await page.evaluate(`document.querySelector('${holder}').scrollTop = 0`);
      net.step = 'reset';
      await clickView(page, 'recent');
      await page.waitForFunction(rows(expect.recent));
      await clickView(page, 'all');
      await page.waitForFunction(rows(expect.all));
      await net.idle();
      log(`console: queue round ${i + 1}/${o.runs} done`);
    }

    // ── 3. the 500-event ticket ──
    const title = heavy.title;
    await page.evaluate(`sessionStorage.setItem('gd-cold-title', ${JSON.stringify(title)})`);
    for (let i = 0; i < o.runs; i++) {
      // from the list (found by a word of its title), click its number: the app's own navigation
      net.step = 'setup';
      await page.goto(`/tickets?view=custom&q=${e(HEAVY_MARK)}`);
      await page.getByTestId(`ticket-row-${heavy.number}`).waitFor();
      await net.idle();
      const open = `open ticket (${heavy.events} events)`;
      add(open, `click #${heavy.number} in the list → title and first timeline entry painted (ticket, first 100 events, attachments, requester's tickets, organisation in parallel)`, {
        ms: await measure(page, net, open, `__gd.detailReady(${JSON.stringify(title)})`, () => page.getByTestId(`ticket-row-${heavy!.number}`).getByTestId('ticket-link').click()),
      });
      // scroll the timeline to its end: pages of 100 load as the end comes into view
      net.step = 'timeline: scroll to end';
      const last = heavy.events - 1;
      const tl = (await page.evaluate(
        `(() => { const el = document.querySelector('[data-testid="timeline"]'); return __gd.scrollFrames(el, 600, () => !!el.querySelector('[data-index="${last}"]') && el.textContent.includes('以上是全部记录') && el.scrollTop + el.clientHeight >= el.scrollHeight - 2, ${TIMEOUT}); })()`,
      )) as { ms: number; frames: number[] };
      await net.idle();
      add('timeline: scroll to end', `600 px per frame from the first entry until entry ${heavy.events} and the end marker are painted (4 more pages of 100 on the way)`, frameSample(tl));
      // then all 500 are loaded: scroll back up through them
      net.step = 'timeline: scroll 500 loaded entries';
      const up = (await page.evaluate(
        `(() => { const el = document.querySelector('[data-testid="timeline"]'); return __gd.scrollFrames(el, -300, () => el.scrollTop === 0 && !!el.querySelector('[data-index="0"]'), ${TIMEOUT}); })()`,
      )) as { ms: number; frames: number[] };
      add('timeline: scroll 500 loaded entries', '300 px per frame from the last entry back to the first (all loaded)', frameSample(up));

      // a cold load of the ticket's address (reload): counted from navigation start
      net.step = 'open ticket by URL (reload)';
      await page.goto(`/tickets/${heavy.number}`);
      const cold = (await page.evaluate('__gd.cold')) as { seen: number; painted: number };
      await net.idle();
      add('open ticket by URL (reload)', `load /tickets/${heavy.number} → title and first timeline entry painted, from navigation start (HTML, cached assets, /auth/me, lookups, ticket, events)`, { ms: round(cold.painted, 1) });
      log(`console: ticket round ${i + 1}/${o.runs} done`);
    }
    await context.close();
    }

    // ── results ──
    let violations: Rec[] = [];
    for (const st of steps.values()) {
      const recs = networks.flatMap((n) => n.records).filter((r) => r.step === st.name);
      const ms = st.samples.map((s) => s.ms).sort((a, b) => a - b);
      const largest = recs.reduce<Rec | null>((m, r) => (!m || r.bytes > m.bytes ? r : m), null);
      const slowest = recs.reduce<Rec | null>((m, r) => (!m || r.ms > m.ms ? r : m), null);
      const bad = recs.filter(unbounded);
      violations = violations.concat(bad);
      const extra: Record<string, { p50: number; p95: number; max: number }> = {};
      for (const k of Object.keys(st.samples[0]?.extra ?? {})) {
        const v = st.samples.map((s) => s.extra![k]).sort((a, b) => a - b);
        extra[k] = { p50: round(percentile(v, 50), 1), p95: round(percentile(v, 95), 1), max: round(v[v.length - 1], 1) };
      }
      const reqMs = recs.map((r) => r.ms).sort((a, b) => a - b);
      emit({
        bench: 'console',
        db: o.db,
        load_avg_1m: round(loadavg()[0], 1),
        tickets: meta.tickets,
        step: st.name,
        what: st.what,
        runs: ms.length,
        ms: { p50: round(percentile(ms, 50), 1), p95: round(percentile(ms, 95), 1), min: ms[0], max: ms[ms.length - 1] },
        ...(Object.keys(extra).length ? { [st.name.startsWith('cold:') ? 'extra' : 'frames']: extra } : {}),
        api: {
          requests_per_run: round(recs.length / ms.length, 1),
          request_ms: { p50: round(percentile(reqMs, 50), 1), p95: round(percentile(reqMs, 95), 1) },
          largest: largest && { bytes: largest.bytes, url: largest.url, items: largest.items },
          slowest: slowest && { ms: slowest.ms, url: slowest.url },
          unbounded: bad.map((r) => r.url),
        },
      });
    }
    // requests outside a measured step (setup, resets) are checked as well
    const everything = networks.flatMap((n) => n.records);
    violations = everything.filter(unbounded);
    const noLimit = new Map<string, { n: number; maxItems: number; maxBytes: number }>();
    for (const r of everything)
      if (r.method === 'GET' && r.items !== null && r.limit === null) {
        const k = r.url.split('?')[0].replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
        const v = noLimit.get(k) ?? { n: 0, maxItems: 0, maxBytes: 0 };
        noLimit.set(k, { n: v.n + 1, maxItems: Math.max(v.maxItems, r.items), maxBytes: Math.max(v.maxBytes, r.bytes) });
      }
    emit({
      bench: 'console.requests',
      db: o.db,
      requests: everything.length,
      // 401 GET /auth/me is the signed-out check of each new session before its sign-in
      not_ok: everything.filter((r) => r.status === 0 || r.status >= 400).map((r) => `${r.status} ${r.method} ${r.url}`),
      max_items: Math.max(...everything.map((r) => r.items ?? 0)),
      max_limit: Math.max(...everything.map((r) => r.limit ?? 0)),
      largest: everything.reduce((m, r) => (r.bytes > m.bytes ? r : m)),
      slowest: everything.reduce((m, r) => (r.ms > m.ms ? r : m)),
      // lists answered without a limit parameter (the server's default page applies, or the whole set)
      lists_without_limit: Object.fromEntries(noLimit),
      unbounded: violations.map((r) => `${r.method} ${r.url} (${r.items} items)`),
      ok: violations.length === 0,
    });
    if (violations.length) {
      log(`console: ${violations.length} request(s) asked for or received more than ${MAX_LIMIT} items`);
      process.exitCode = 1;
    }
  } catch (err) {
    log(`server ${server.proc.exitCode ?? server.proc.signalCode ?? 'running'}\n${server.output()}`);
    throw err;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

function frameSample(r: { ms: number; frames: number[] }): Sample {
  const f = [...r.frames].sort((a, b) => a - b);
  return { ms: round(r.ms, 1), extra: { frames: f.length, frame_p50_ms: round(percentile(f, 50), 1), frame_max_ms: round(f[f.length - 1], 1), frames_over_50ms: f.filter((x) => x > 50).length } };
}
