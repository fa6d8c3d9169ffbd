import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Network } from './console-network';
import { pageHelpers, TIMEOUT } from './console-page';
import { emitResults, frameSample, type Sample, type Step } from './console-report';
import { metaPath, type BenchMeta } from './generate';
import { api, log, postgresServerUrl, REPO_DIR, round, startServer, withDatabase } from './lib/server';

// The web console in headless Chromium against the generated million (see generate.ts): how long
// the agent waits for what they asked to see. Every figure is measured inside the page: from the
// input event's timeStamp (the click or the Enter key, `performance.now()` time base) to the first
// animation frame after the DOM shows the expected result (a MutationObserver checks the
// condition on every change), so neither Playwright's round trips nor the script's own waits count.
// Each step is repeated `runs` times; p50 / p95 per step. Every API request the page makes is
// recorded from Playwright's request events: per step the largest response and the slowest request,
// and a check that no request asked for (limit > 500) or received (> 500 items) an unbounded list.
// The page helpers are in console-page.ts, the request records in console-network.ts, the figures in console-report.ts.

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
const HEAVY_MARK = '时间线压测'; // in the title of generate.ts's 500-event ticket

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
    emitResults(o, meta, steps, networks);
  } catch (err) {
    log(`server ${server.proc.exitCode ?? server.proc.signalCode ?? 'running'}\n${server.output()}`);
    throw err;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}
