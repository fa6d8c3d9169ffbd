import { describe, expect, it } from 'vitest';
import { runGongdan } from '../support/run-cli';

// `gongdan eval classify` in a child process on small Chinese fixture files; no database.
const FIXTURES = 'test/cli/fixtures/classify';
const f = (name: string) => `${FIXTURES}/${name}`;

const cli = (args: string[]) => runGongdan(args, {});

describe('gongdan eval classify', () => {
  it('trains on a Chinese CSV with a BOM (two text columns by name) and prints one JSON line', async () => {
    const r = await cli(['eval', 'classify', '--train', f('train.csv'), '--test', f('test.csv'), '--text', '标题,描述', '--label', '类别']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(Object.keys(out)).toEqual(['task', 'train_items', 'test_items', 'classes', 'accuracy', 'macro_f1', 'train_seconds', 'ms_per_item', 'model_bytes', 'unseen_label_items', 'suspect_header_rows']);
    expect(out).toMatchObject({ task: 'classify', train_items: 9, test_items: 3, classes: 3, accuracy: 1, macro_f1: 1 });
    expect(out.model_bytes).toBeGreaterThan(0);
  });

  it('reads files without a header by 0-based index', async () => {
    const r = await cli(['eval', 'classify', '--train', f('train-noheader.csv'), '--test', f('test-noheader.csv'), '--text', '1,2', '--label', '3', '--no-header']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ train_items: 9, test_items: 3, classes: 3, accuracy: 1 });
  });

  it('with --unknown-label trains without that label and scores the out-of-scope rows', async () => {
    const label = '发票';
    const r = await cli(['eval', 'classify', '--train', f('train.csv'), '--test', f('test.csv'), '--text', '标题,描述', '--label', '类别', '--unknown-label', label]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).slice(-6, -2)).toEqual(['unknown_label', 'oos_recall', 'oos_precision', 'in_scope_accuracy']);
    // two classes left: too few to hold one back and learn a threshold, so nothing is called unknown
    expect(out).toMatchObject({ unknown_label: label, classes: 2, train_items: 6, oos_recall: 0, oos_precision: 0, in_scope_accuracy: 1 });
    const empty = await cli(['eval', 'classify', '--train', f('train.csv'), '--test', f('test.csv'), '--text', '标题', '--label', '类别', '--unknown-label', ' ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--unknown-label');
  });

  it('shows its help, also under gongdan --help', async () => {
    const r = await cli(['eval', 'classify', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--no-header');
    expect((await cli(['--help'])).stdout).toContain('eval classify');
  });

  it('refuses bad arguments with exit code 2', async () => {
    const base = ['eval', 'classify', '--train', f('train.csv'), '--test', f('test.csv')];
    const cases: [string[], string][] = [
      [[...base, '--text', '标题'], 'Missing --label'],
      [['eval', 'classify', '--train', f('nope.csv'), '--test', f('test.csv'), '--text', '0', '--label', '2'], 'no such file'],
      [[...base, '--text', '正文', '--label', '类别'], 'Unknown column "正文"'],
      [[...base, '--text', '0', '--label', '7'], 'Column index 7 is out of range'],
      [['eval', 'classify', '--train', f('train-noheader.csv'), '--test', f('test-noheader.csv'), '--text', '标题', '--label', '3', '--no-header'], 'no header'],
      [['eval', 'guess'], 'Unknown eval command "guess"'],
      [[...base, '--text', '0', '--label', '2', '--epochs', '3'], "Unknown option '--epochs'"],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    }
  }, 180_000); // seven runs of the command, each loading jieba
});
