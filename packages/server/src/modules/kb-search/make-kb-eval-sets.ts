import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Builds question → article sets for `gongdan eval retrieve` from the Chinese data in ../shared/data
// (not in this repository; see each set's SOURCE.md):
//   dataclue_cic: an article per intent (title = the intent's name, e.g. 买家催促发货, no body); the
//     train split's messages are the tenant's history, linked to the article of their (noisy) intent;
//     queries are the clean test split's messages, relevant = their intent's article.
//   oppo_xiaobu: an FAQ of utterances: the corpus is every distinct second utterance (b), queries are
//     first utterances (a) with at least one paraphrase (label 1), relevant = those b. The label-0 b
//     (hard negatives, near-identical strings meaning something else) stay in the corpus. A b that is
//     also some query's text is left out (a query would find itself), and queries left without a
//     relevant b are dropped. No history links.
// Usage: node --import tsx src/modules/kb-search/make-kb-eval-sets.ts DATA_DIR OUTDIR

type Row = Record<string, string>;

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

function read(file: string): Row[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const write = (file: string, header: string[], rows: string[][]) => writeFileSync(file, [header, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n');

function cic(data: string, out: string) {
  mkdirSync(out, { recursive: true });
  const labels = read(join(data, 'labels.csv')).map((r) => r.label);
  write(join(out, 'corpus.csv'), ['id', 'title', 'text'], labels.map((l) => [l, l, '']));
  write(join(out, 'links.csv'), ['id', 'text'], read(join(data, 'train.csv')).map((r) => [r.label, r.text]));
  write(join(out, 'queries.csv'), ['query', 'relevant'], read(join(data, 'test.csv')).map((r) => [r.text, r.label]));
}

function oppo(data: string, out: string) {
  mkdirSync(out, { recursive: true });
  const rows = read(join(data, 'test.csv'));
  const queryTexts = new Set(rows.filter((r) => r.label === '1').map((r) => r.a));
  const corpus = [...new Set(rows.map((r) => r.b))].filter((b) => !queryTexts.has(b));
  const ids = new Map(corpus.map((b, i) => [b, `u${i + 1}`]));
  const relevant = new Map<string, string[]>();
  for (const r of rows) if (r.label === '1' && ids.has(r.b)) relevant.set(r.a, [...(relevant.get(r.a) ?? []), ids.get(r.b)!]);
  write(join(out, 'corpus.csv'), ['id', 'title', 'text'], corpus.map((b) => [ids.get(b)!, b, '']));
  write(join(out, 'queries.csv'), ['query', 'relevant'], [...relevant].map(([a, r]) => [a, r.join('|')]));
}

const [data, out] = process.argv.slice(2);
if (!data || !out) {
  console.error('Usage: make-kb-eval-sets.ts DATA_DIR(../shared/data) OUTDIR');
  process.exit(2);
}
cic(join(data, 'dataclue_cic'), join(out, 'dataclue_cic'));
oppo(join(data, 'oppo_xiaobu'), join(out, 'oppo_xiaobu'));
