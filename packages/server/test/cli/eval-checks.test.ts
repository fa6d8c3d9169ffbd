import { describe, expect, it } from 'vitest';
import { runGongdan } from '../support/run-cli';

// What `gongdan eval` reports instead of scoring it silently (free-text labels, labels the training
// file never had, header rows), and the plain baselines `--baseline` prints beside the product.
const c = (name: string) => `test/cli/fixtures/classify/${name}`;
const s = (name: string) => `test/cli/fixtures/similarity/${name}`;
const cli = (args: string[]) => runGongdan(args, {});
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('gongdan eval classify: input checks and --baseline', () => {
  it('prints the TF-IDF softmax baseline as a second line with "system":"baseline"', async () => {
    const r = await cli(['eval', 'classify', '--train', c('train.csv'), '--test', c('test.csv'), '--text', '标题,描述', '--label', '类别', '--baseline']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const [product, baseline] = lines(r.stdout);
    expect(product).toMatchObject({ task: 'classify', unseen_label_items: 0, suspect_header_rows: 0 });
    expect(product.system).toBeUndefined();
    expect(baseline).toMatchObject({ task: 'classify', system: 'baseline', model: 'tfidf-softmax', train_items: 9, test_items: 3, classes: 3, accuracy: 1 });
  });

  it('refuses a label column of free text, and test labels none of which training has, with exit code 2', async () => {
    const swapped = await cli(['eval', 'classify', '--train', c('checks-train.csv'), '--test', c('checks-test-unseen.csv'), '--text', '类别', '--label', '标题']);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain('--label 标题: the values look like free text');
    const none = await cli(['eval', 'classify', '--train', c('checks-train.csv'), '--test', c('checks-test-none.csv'), '--text', '标题', '--label', '类别']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('None of the labels of');
    expect(none.stdout).toBe('');
  }, 60_000);

  it('warns of test labels training never had and counts them', async () => {
    const r = await cli(['eval', 'classify', '--train', c('checks-train.csv'), '--test', c('checks-test-unseen.csv'), '--text', '标题', '--label', '类别']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: 2 of 4 test items have a label no training item has ("会议室")');
    expect(JSON.parse(r.stdout)).toMatchObject({ test_items: 4, unseen_label_items: 2 });
  });

  it('warns when --no-header makes the header rows items', async () => {
    const r = await cli(['eval', 'classify', '--train', c('checks-train.csv'), '--test', c('checks-test-unseen.csv'), '--text', '0', '--label', '1', '--no-header']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('row 1 looks like a header (both files start with the same row)');
    expect(JSON.parse(r.stdout)).toMatchObject({ train_items: 25, suspect_header_rows: 2 });
  });
});

describe('gongdan eval pairs: --folds, --baseline, training time and size', () => {
  it('cross-validates the test file without --train and prints the TF-IDF cosine baseline on the same folds', async () => {
    const r = await cli(['eval', 'pairs', '--test', s('pairs-train.csv'), '--a', '问题一', '--b', '问题二', '--label', '是否重复', '--folds', '2', '--baseline']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [product, baseline] = lines(r.stdout);
    expect(product).toMatchObject({ task: 'pairs', folds: 2, test_items: 20 });
    expect(product.train_seconds).toBeGreaterThanOrEqual(0);
    expect(product.model_bytes).toBeGreaterThan(0);
    expect(baseline).toMatchObject({ task: 'pairs', system: 'baseline', model: 'tfidf-cosine', folds: 2, test_items: 20 });
  });

  it('warns when the first pair of a file without a header is read as its header', async () => {
    const r = await cli(['eval', 'pairs', '--train', s('pairs-train-noheader.csv'), '--test', s('pairs-test-noheader.csv'), '--a', '1', '--b', '2', '--label', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the first row looks like a pair, not a header');
    expect(JSON.parse(r.stdout)).toMatchObject({ train_items: 19, test_items: 7, suspect_header_rows: 2 });
  });

  it('refuses --folds beside --train', async () => {
    const r = await cli(['eval', 'pairs', '--train', s('pairs-train.csv'), '--test', s('pairs-test.csv'), '--a', '问题一', '--b', '问题二', '--label', '是否重复', '--folds', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--folds cross-validates the test file');
  });
});

describe('gongdan eval retrieve --engine similarity --baseline', () => {
  it('prints plain BM25 over the same words as a second line', async () => {
    const r = await cli(['eval', 'retrieve', '--corpus', s('faq.csv'), '--id', '编号', '--text', '问题', '--queries', s('faq-queries.csv'), '--query', '问题', '--relevant', '相关', '--engine', 'similarity', '--baseline']);
    expect(r.code).toBe(0);
    const [product, baseline] = lines(r.stdout);
    expect(product).toMatchObject({ task: 'retrieve', queries: 9 });
    expect(baseline).toMatchObject({ task: 'retrieve', system: 'baseline', model: 'bm25', corpus_items: 10, queries: 9 });
  });

  it('refuses a corpus text column that is empty in every row (it would score 0)', async () => {
    const r = await cli(['eval', 'retrieve', '--corpus', s('faq-empty-text.csv'), '--id', '编号', '--text', '答案', '--queries', s('faq-queries-unknown.csv'), '--query', '问题', '--relevant', '相关', '--engine', 'similarity']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('column "答案" is empty in every row');
  });
});
