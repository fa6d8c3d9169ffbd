import { describe, expect, it } from 'vitest';
import { runGongdan } from '../support/run-cli';

// `gongdan eval pairs` and `gongdan eval retrieve` in a child process on small Chinese fixture
// files (IT help-desk question pairs, an FAQ with queries); no database.
const f = (name: string) => `test/cli/fixtures/similarity/${name}`;

const cli = (args: string[]) => runGongdan(args, {});

async function refuses(args: string[], message: string) {
  const r = await cli(args);
  expect(r.code, args.join(' ')).toBe(2);
  expect(r.stderr).toContain(message);
  expect(r.stdout).toBe('');
}

describe('gongdan eval pairs', () => {
  it('fits on Chinese question pairs with a BOM (columns by name, 1/0 and true/false labels) and prints one JSON line', async () => {
    const r = await cli(['eval', 'pairs', '--train', f('pairs-train.csv'), '--test', f('pairs-test.csv'), '--a', '问题一', '--b', '问题二', '--label', '是否重复']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(Object.keys(out)).toEqual(['task', 'train_items', 'test_items', 'threshold', 'precision', 'recall', 'f1', 'accuracy', 'train_seconds', 'model_bytes', 'ms_per_pair', 'suspect_header_rows']);
    expect(out).toMatchObject({ task: 'pairs', train_items: 20, test_items: 8, precision: 1 });
    expect(out.f1).toBeGreaterThanOrEqual(0.85);
    expect(out.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('reads files without a header by 0-based index', async () => {
    const r = await cli(['eval', 'pairs', '--train', f('pairs-train-noheader.csv'), '--test', f('pairs-test-noheader.csv'), '--a', '1', '--b', '2', '--label', '3', '--no-header']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ train_items: 20, test_items: 8, precision: 1 });
  });

  it('refuses bad input with exit code 2', async () => {
    const base = ['eval', 'pairs', '--train', f('pairs-train.csv'), '--test', f('pairs-test.csv'), '--a', '问题一', '--b', '问题二'];
    await refuses(base, 'Missing --label');
    await refuses(['eval', 'pairs', '--train', f('nope.csv'), '--test', f('pairs-test.csv'), '--a', '0', '--b', '1', '--label', '2'], 'no such file');
    await refuses([...base.slice(0, 6), '--a', '问题三', '--b', '问题二', '--label', '是否重复'], 'Unknown column "问题三"');
    await refuses(['eval', 'pairs', '--train', f('pairs-bad-label.csv'), '--test', f('pairs-test.csv'), '--a', '问题一', '--b', '问题二', '--label', '是否重复'], 'bad label "可能"');
    await refuses(['eval', 'pairs', '--train', f('empty.csv'), '--test', f('pairs-test.csv'), '--a', '0', '--b', '1', '--label', '2'], 'is empty');
  }, 120_000); // five runs of the command
});

describe('gongdan eval retrieve', () => {
  it('indexes a Chinese FAQ with the knowledge search and finds the answer of every query in the top 5', async () => {
    const r = await cli(['eval', 'retrieve', '--corpus', f('faq.csv'), '--id', '编号', '--text', '问题', '--queries', f('faq-queries.csv'), '--query', '问题', '--relevant', '相关']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.trim());
    expect(Object.keys(out)).toEqual(['task', 'engine', 'corpus_items', 'links', 'queries', 'recall_at_1', 'recall_at_5', 'mrr', 'ms_per_query']);
    expect(out).toMatchObject({ task: 'retrieve', engine: 'kb', corpus_items: 10, queries: 9, recall_at_5: 1 });
    expect(out.recall_at_1).toBeGreaterThanOrEqual(0.85);
    expect(out.mrr).toBeGreaterThanOrEqual(0.9);
  });

  const kbBase = ['eval', 'retrieve', '--corpus', f('faq.csv'), '--id', '编号', '--text', '答案', '--title', '问题', '--queries', f('faq-queries.csv'), '--query', '问题', '--relevant', '相关'];

  it('prints plain BM25 beside it with --baseline bm25', async () => {
    const both = await cli([...kbBase, '--baseline', 'bm25']);
    expect(both.stderr).toBe('');
    const [kb, bm25] = both.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect([kb.engine, bm25.engine]).toEqual(['kb', 'bm25']);
    expect([kb.system, bm25.system]).toEqual([undefined, 'baseline']);
    const bare = (await cli([...kbBase, '--baseline'])).stdout.trim().split('\n');
    expect(bare).toHaveLength(2);
    expect(kb.queries).toBe(bm25.queries);
    await refuses([...kbBase, '--baseline', 'tfidf'], "Unexpected argument 'tfidf'");
    await refuses([...kbBase, '--links', f('faq-links.csv')], 'Missing --link-id');
  }, 120_000);

  it('finds an article through the questions it solved (--links) when the query shares no word with it', async () => {
    const viaLinks = [...kbBase.slice(0, 10), '--queries', f('faq-link-queries.csv'), '--query', '问题', '--relevant', '相关'];
    expect(JSON.parse((await cli(viaLinks)).stdout)).toMatchObject({ links: 0, recall_at_1: 0 });
    const linked = JSON.parse((await cli([...viaLinks, '--links', f('faq-links.csv'), '--link-id', '编号', '--link-text', '问题'])).stdout);
    expect(linked).toMatchObject({ links: 2, recall_at_1: 1, mrr: 1 });
  }, 120_000);

  it('still measures the ticket similarity index with --engine similarity', async () => {
    const sim = JSON.parse((await cli(['eval', 'retrieve', '--corpus', f('faq.csv'), '--id', '编号', '--text', '问题', '--queries', f('faq-queries.csv'), '--query', '问题', '--relevant', '相关', '--engine', 'similarity'])).stdout);
    expect(sim).toMatchObject({ task: 'retrieve', corpus_items: 10, queries: 9, recall_at_5: 1 });
  });

  it('reads files without a header by 0-based index', async () => {
    const r = await cli(['eval', 'retrieve', '--corpus', f('faq-noheader.csv'), '--id', '0', '--text', '1', '--queries', f('faq-queries-noheader.csv'), '--query', '0', '--relevant', '1', '--no-header']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ corpus_items: 10, queries: 9, recall_at_5: 1 });
  });

  it('shows its help, also under gongdan --help, and refuses bad input with exit code 2', async () => {
    const help = await cli(['eval', 'retrieve', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--relevant');
    const top = (await cli(['--help'])).stdout;
    expect(top).toContain('eval pairs');
    expect(top).toContain('eval retrieve');
    const base = ['eval', 'retrieve', '--corpus', f('faq.csv'), '--id', '编号', '--text', '问题', '--queries', f('faq-queries.csv'), '--query', '问题'];
    await refuses(base, 'Missing --relevant');
    await refuses([...base, '--relevant', '答案'], 'Unknown column "答案"');
    await refuses([...base.slice(0, 8), '--queries', f('faq-queries-unknown.csv'), '--query', '问题', '--relevant', '相关'], 'not in the corpus');
    await refuses(['eval', 'retrieve', '--corpus', f('faq.csv'), '--id', '0', '--text', '1', '--queries', f('faq-queries-noheader.csv'), '--query', '问题', '--relevant', '1', '--no-header'], 'no header');
  }, 120_000); // six runs of the command, each loading jieba: over a minute on a loaded machine
});
