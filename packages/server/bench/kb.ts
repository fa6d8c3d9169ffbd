import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { createTenant } from '../src/modules/identity';
import { indexArticles, searchArticles, type SearchDoc, type SearchInput } from '../src/modules/kb-search';
import { uuidv7 } from '../src/platform/ids';
import { migrate } from '../src/platform/db/migrate';
import { PostgresDatabase } from '../src/platform/db/postgres-database';
import { adminQuery, emit, freshDatabase, log, percentile, postgresServerUrl, round, withDatabase } from './lib/server';
import { DETAILS, DEVICES, pick, PLACES, PROBLEMS, seededRng, TAGS, type Rng } from './lib/texts';

// `npm run bench -- kb`: knowledge search at 100,000 articles on PostgreSQL, in process (searchArticles
// through the app role's pool, as the HTTP route calls it; no HTTP).
//   [--articles 100000] [--english 0.2] [--runs 200] [--warmup 20] [--batch 500]
//   [--database-url URL] [--db-name gongdan_bench_kb] [--keep] [--reuse: search what a --keep run left]
// Articles: a title from the help-desk word lists (device + problem + a way of asking), a body of 4–10
// sentences mixing help-desk sentences with words drawn from jieba's dictionary by frequency (so the
// vocabulary is large and Zipf-like), 0–3 tags, 20 categories, a fifth in English, 10% internal.
// Queries, in shapes the console, the portal and the agent suggestions send (each its own JSON line:
// p50 / p95 / p99 ms over --runs, and an `all` line): a short keyword pair, a single common word, a
// colloquial question, a ticket's title + description (the suggestions panel), a phrase a synonym
// rule expands, English words, English with a typo, a rare word, words found nowhere, and a public
// (portal) search in a category. The database is dropped at the end unless --keep.

export interface KbBenchOptions {
  databaseUrl?: string;
  dbName: string;
  articles: number;
  english: number;
  runs: number;
  warmup: number;
  batch: number;
  keep: boolean;
  /** Search the database a --keep run left (no generation). */
  reuse: boolean;
}

const EN_WORDS = `printer paper jam toner cartridge network wireless router password reset account login email outlook vpn client certificate
laptop battery screen display monitor projector cable adapter driver update install uninstall software license server backup restore
database connection timeout error message browser cache cookie firewall proxy permission access folder share drive disk storage
keyboard mouse headset microphone camera meeting calendar invite phone extension voicemail scanner invoice payment refund order
shipping delivery address warranty repair replacement ticket request approval policy security phishing antivirus encryption token`.split(/\s+/);
const EN_FILLER = 'the a to and of in for on with your you is if it then this check open click select make sure that after before when not from again'.split(' ');
const ASK = ['怎么办', '的处理方法', '如何解决', '常见原因', '排查步骤', '使用说明', '注意事项'];

/** Words of jieba's dictionary with a frequency of at least 200, for sampling by frequency. */
function dictionary(): { words: string[]; cumulative: Float64Array } {
  const require = createRequire(import.meta.url);
  const lines = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8').split('\n');
  const words: string[] = [];
  const freq: number[] = [];
  for (const l of lines) {
    const [w, f, tag] = l.split(' ');
    if (Number(f) >= 200 && /^\p{Script=Han}{2,4}$/u.test(w) && /^[nvaz]/.test(tag ?? '')) words.push(w), freq.push(Number(f));
  }
  const cumulative = new Float64Array(freq.length);
  freq.reduce((s, f, i) => (cumulative[i] = s + f), 0);
  return { words, cumulative };
}

function drawWord(rng: Rng, d: { words: string[]; cumulative: Float64Array }): string {
  const x = rng() * d.cumulative[d.cumulative.length - 1];
  let lo = 0;
  let hi = d.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (d.cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return d.words[lo];
}

function article(rng: Rng, d: ReturnType<typeof dictionary>, tenantId: string, categories: string[], english: number, at: Date): SearchDoc {
  const en = rng() < english;
  let title: string;
  const body: string[] = [];
  if (en) {
    const w = () => pick(rng, EN_WORDS);
    title = `How to fix ${w()} ${w()} ${pick(rng, ['errors', 'issues', 'not working', 'setup', 'problems'])}`;
    for (let s = 4 + Math.floor(rng() * 7); s > 0; s--) body.push(Array.from({ length: 8 + Math.floor(rng() * 10) }, () => (rng() < 0.5 ? w() : pick(rng, EN_FILLER))).join(' ') + '.');
  } else {
    const device = pick(rng, DEVICES);
    const problem = pick(rng, PROBLEMS);
    title = `${device}${problem}${pick(rng, ASK)}`;
    for (let s = 4 + Math.floor(rng() * 7); s > 0; s--) {
      const r = rng();
      if (r < 0.3) body.push(`如果${pick(rng, PLACES)}的${device}${problem}，请先${drawWord(rng, d)}，再检查${drawWord(rng, d)}和${drawWord(rng, d)}。`);
      else if (r < 0.45) body.push(pick(rng, DETAILS));
      else body.push(Array.from({ length: 6 + Math.floor(rng() * 8) }, () => drawWord(rng, d)).join('') + '。');
    }
  }
  const tags = [...new Set(Array.from({ length: Math.floor(rng() * 4) }, () => pick(rng, TAGS)))];
  return {
    tenantId,
    articleId: uuidv7(at.getTime()),
    title,
    text: body.join(''),
    tags,
    categoryId: pick(rng, categories),
    audience: rng() < 0.1 ? 'internal' : 'public',
    organizationId: null,
    updatedAt: at,
    helpful: Math.floor(rng() * 20),
    notHelpful: Math.floor(rng() * 5),
  };
}

type Shape = { name: string; make: (rng: Rng) => Omit<SearchInput, 'audience'> & { audience?: SearchInput['audience'] } };

function shapes(d: ReturnType<typeof dictionary>, categories: string[]): Shape[] {
  return [
    { name: 'keywords', make: (r) => ({ query: `${pick(r, DEVICES)} ${pick(r, PROBLEMS)}` }) },
    { name: 'one_common_word', make: (r) => ({ query: pick(r, DEVICES) }) },
    { name: 'question', make: (r) => ({ query: `${pick(r, PLACES)}的${pick(r, DEVICES)}又${pick(r, PROBLEMS)}了怎么办` }) },
    { name: 'ticket_text', make: (r) => ({ query: `${pick(r, PLACES)}的${pick(r, DEVICES)}${pick(r, PROBLEMS)} ${pick(r, DETAILS)}`, limit: 5 }) },
    { name: 'synonym', make: (r) => ({ query: `${pick(r, ['邮箱账号', '工资系统', '报销系统', 'VPN'])}登陆不了` }) },
    { name: 'english', make: (r) => ({ query: `${pick(r, EN_WORDS)} ${pick(r, EN_WORDS)}` }) },
    { name: 'english_typo', make: (r) => ({ query: `${typo(r, pick(r, EN_WORDS.filter((w) => w.length >= 6)))} ${pick(r, EN_WORDS)}` }) },
    { name: 'rare_word', make: (r) => ({ query: drawRare(r, d) }) },
    { name: 'no_match', make: (r) => ({ query: `qzxv${Math.floor(r() * 1000)} wqpzk` }) },
    { name: 'portal_category', make: (r) => ({ query: `${pick(r, DEVICES)}${pick(r, PROBLEMS)}`, audience: 'public', categoryId: pick(r, categories) }) },
    { name: 'page_3', make: (r) => ({ query: pick(r, PROBLEMS), offset: 20, limit: 10 }) },
  ];
}

const typo = (r: Rng, w: string) => {
  const i = 1 + Math.floor(r() * (w.length - 2));
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
};
const drawRare = (r: Rng, d: ReturnType<typeof dictionary>) => d.words[Math.floor(d.words.length * (0.5 + r() * 0.5))];

export async function benchKb(o: KbBenchOptions): Promise<void> {
  const server = await postgresServerUrl(o.databaseUrl);
  const url = o.reuse ? withDatabase(server, o.dbName) : await freshDatabase(server, o.dbName);
  const db = new PostgresDatabase({ url, poolSize: 4, appRole: 'gongdan_app' });
  try {
    await migrate(db, 'gongdan_app');
    const d = dictionary();
    if (o.reuse) {
      const [{ id }] = await db.system((q) => q.query<{ id: string }>(`SELECT id FROM tenants WHERE name = '知识库压测'`));
      const cats = await db.tenant(id, (q) => q.query<{ c: string }>('SELECT DISTINCT category_id AS c FROM kb_search_docs'));
      const [{ n }] = await db.tenant(id, (q) => q.query<{ n: string }>('SELECT count(*) AS n FROM kb_search_docs'));
      return await measure(db, id, d, cats.map((r) => r.c), Number(n), o);
    }
    const { tenant } = await createTenant(db, { name: '知识库压测', adminEmail: 'kb-bench@example.com', adminPassword: 'Bench-Passw0rd-知识库' });
    const rng = seededRng(18);
    const categories = Array.from({ length: 20 }, () => uuidv7());
    const t0 = performance.now();
    const at = new Date('2026-01-01T00:00:00Z');
    for (let done = 0; done < o.articles; ) {
      const n = Math.min(o.batch, o.articles - done);
      const docs = Array.from({ length: n }, () => article(rng, d, tenant.id, categories, o.english, at));
      await db.tenant(tenant.id, (q) => indexArticles(q, docs));
      done += n;
      if (done % 10_000 === 0 || done === o.articles) log(`kb: ${done} articles indexed (${round((performance.now() - t0) / 1000, 1)} s)`);
    }
    const loadS = (performance.now() - t0) / 1000;
    await adminQuery(url, 'VACUUM ANALYZE');
    emit({ bench: 'kb.index', articles: o.articles, seconds: round(loadS, 1), articles_per_s: round(o.articles / loadS, 0), cpus: cpus().length });
    await db.tenant(tenant.id, (q) => q.query(`INSERT INTO kb_synonyms (id, tenant_id, term, synonyms, created_at, updated_at) VALUES ($1, current_tenant_id(), '登陆', '{登录}', now(), now())`, [uuidv7()]));
    await measure(db, tenant.id, d, categories, o.articles, o);
  } finally {
    await db.close();
    if (!o.keep) await adminQuery(server, `DROP DATABASE IF EXISTS ${o.dbName} WITH (FORCE)`);
  }
}

async function measure(db: PostgresDatabase, tenantId: string, d: ReturnType<typeof dictionary>, categories: string[], articles: number, o: KbBenchOptions): Promise<void> {
  {
    const tenant = { id: tenantId };
    const all: number[] = [];
    for (const shape of shapes(d, categories)) {
      const r = seededRng(shape.name.length * 7919);
      const times: number[] = [];
      let hits = 0;
      let total = 0;
      for (let i = 0; i < o.warmup + o.runs; i++) {
        const input = { audience: 'internal' as const, ...shape.make(r) };
        const s = performance.now();
        const res = await db.tenant(tenant.id, (q) => searchArticles(q, input));
        const ms = performance.now() - s;
        if (i < o.warmup) continue;
        times.push(ms);
        hits += res.hits.length;
        total += res.total;
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      emit({ bench: 'kb.search', shape: shape.name, articles, runs: o.runs, p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)), p99_ms: round(percentile(times, 99)), max_ms: round(times[times.length - 1]), avg_hits: round(hits / o.runs, 1), avg_total: round(total / o.runs, 0) });
    }
    all.sort((a, b) => a - b);
    emit({ bench: 'kb.search', shape: 'all', articles, runs: all.length, p50_ms: round(percentile(all, 50)), p95_ms: round(percentile(all, 95)), p99_ms: round(percentile(all, 99)), max_ms: round(all[all.length - 1]), load_1m: round(loadavg()[0]) });
  }
}
