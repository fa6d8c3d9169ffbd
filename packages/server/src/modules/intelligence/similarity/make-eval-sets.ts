import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../classify/csv';
import { mulberry32, shuffleInPlace } from '../../../platform/random';
import { SimilarityIndex } from './similarity-index';

// Builds evaluation sets for `gongdan eval pairs` / `eval retrieve` from an intent data set
// (CLINC150 data_full.json, or a text,category CSV such as banking77), since no Chinese
// question-pair set is in the repository:
//   retrieval: the corpus is one train utterance per intent (an FAQ entry), queries are test
//   utterances, relevant = their intent;
//   pairs: every utterance with one same-intent partner (1) and two other-intent partners (0),
//   one random and one the most similar by text, so negatives are not all easy (about a third
//   positive, as in AFQMC-style sets). CLINC150's training pairs come from its validation split,
//   which is about as large per intent as the test split, so hard negatives are as hard in both.
// Usage: node --import tsx src/modules/intelligence/similarity/make-eval-sets.ts INPUT OUTDIR

type Item = [text: string, intent: string];

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csv = (header: string[], rows: string[][]) => [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';

function load(input: string): { train: Item[]; pairTrain?: Item[]; test: Item[] } {
  if (input.endsWith('.json')) {
    const d = JSON.parse(readFileSync(input, 'utf8')) as { train: Item[]; val: Item[]; test: Item[] };
    return { train: d.train, pairTrain: d.val, test: d.test };
  }
  // A directory with train.csv and test.csv of text,category.
  const read = (f: string) => parseCsv(readFileSync(join(input, f), 'utf8')).slice(1).map(([text, intent]) => [text, intent] as Item);
  return { train: read('train.csv'), test: read('test.csv') };
}

function pairs(items: Item[], random: () => number): string[][] {
  const byIntent = new Map<string, number[]>();
  items.forEach(([, intent], i) => byIntent.set(intent, [...(byIntent.get(intent) ?? []), i]));
  const index = new SimilarityIndex(items.map(([text], i) => ({ id: String(i), text })));
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const out: string[][] = [];
  items.forEach(([text, intent], i) => {
    const same = byIntent.get(intent)!.filter((j) => j !== i);
    if (same.length) out.push([text, items[pick(same)][0], '1']);
    let other = pick(items);
    while (other[1] === intent) other = pick(items);
    out.push([text, other[0], '0']);
    const hard = index.search(text, 20).find((h) => items[Number(h.id)][1] !== intent);
    if (hard) out.push([text, items[Number(hard.id)][0], '0']);
  });
  // Shuffled so that a file read in part is not all of one intent.
  shuffleInPlace(out, random);
  return out;
}

function main(input: string, outDir: string): void {
  const { train, pairTrain, test } = load(input);
  const random = mulberry32(7);
  mkdirSync(outDir, { recursive: true });
  const firstOf = new Map<string, string>();
  for (const [text, intent] of train) if (!firstOf.has(intent)) firstOf.set(intent, text);
  writeFileSync(join(outDir, 'corpus.csv'), csv(['id', 'text'], [...firstOf].map(([intent, text]) => [intent, text])));
  writeFileSync(join(outDir, 'queries.csv'), csv(['query', 'relevant'], test.filter(([, intent]) => firstOf.has(intent))));
  writeFileSync(join(outDir, 'pairs-train.csv'), csv(['a', 'b', 'label'], pairs(pairTrain ?? train, random)));
  writeFileSync(join(outDir, 'pairs-test.csv'), csv(['a', 'b', 'label'], pairs(test, random)));
}

const [input, outDir] = process.argv.slice(2);
if (!input || !outDir) {
  console.error('Usage: make-eval-sets.ts INPUT(data_full.json | dir with train.csv,test.csv) OUTDIR');
  process.exit(2);
}
main(input, outDir);
