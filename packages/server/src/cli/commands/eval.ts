import { existsSync, statSync } from 'node:fs';
import { integer, parseCommand, required } from '../args';
import { UsageError } from '../errors';
import { EVAL_CLASSIFY_HELP, EVAL_HELP, EVAL_PAIRS_HELP, EVAL_RETRIEVE_HELP, EVAL_ROUTES_HELP } from '../help';
import type { CliIo } from '../io';

// Offline evaluation of the ticket intelligence models; no database is opened.
export async function evalCommand(argv: string[], io: CliIo): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    if (sub === undefined) throw new UsageError('Missing the eval command (classify, pairs, retrieve, routes)', EVAL_HELP);
    io.out(EVAL_HELP);
    return;
  }
  if (sub === 'classify') return evalClassifyCommand(rest, io);
  if (sub === 'pairs') return evalPairsCommand(rest, io);
  if (sub === 'retrieve') return evalRetrieveCommand(rest, io);
  if (sub === 'routes') return evalRoutesCommand(rest, io);
  throw new UsageError(`Unknown eval command "${sub}"`, EVAL_HELP);
}

/** A required file option naming an existing file, or a usage error. */
function file(flag: string, v: string | undefined, help: string): string {
  const path = required(v, flag, help);
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`${flag}: no such file "${path}"`, help);
  return path;
}

/**
 * Runs an evaluation, turning CSV problems (unknown column, bad label, empty file) into usage errors.
 * An array is several JSON lines: the product's, then the baseline's.
 */
async function run(io: CliIo, help: string, evaluate: () => unknown): Promise<void> {
  const { CsvError } = await import('../../modules/intelligence');
  try {
    const r = evaluate();
    for (const line of Array.isArray(r) ? r : [r]) io.out(JSON.stringify(line));
  } catch (err) {
    if (err instanceof CsvError) throw new UsageError(err.message, help);
    throw err;
  }
}

async function evalClassifyCommand(rest: string[], io: CliIo): Promise<void> {
  const help = EVAL_CLASSIFY_HELP;
  const { values } = parseCommand(
    rest,
    {
      train: { type: 'string' },
      test: { type: 'string' },
      text: { type: 'string' },
      label: { type: 'string' },
      'unknown-label': { type: 'string' },
      'no-header': { type: 'boolean' },
      baseline: { type: 'boolean' },
    },
    help,
  );
  if (values.help) return io.out(help);
  const train = file('--train', values.train, help);
  const test = file('--test', values.test, help);
  const unknownLabel = values['unknown-label']?.trim();
  if (unknownLabel === '') throw new UsageError('--unknown-label: give the label of the out-of-scope items', help);
  const textColumns = required(values.text, '--text', help)
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (textColumns.length === 0) throw new UsageError('Missing --text', help);
  const labelColumn = required(values.label, '--label', help);
  const { evalClassify, evalClassifyBaseline, checkClassifyFiles } = await import('../../modules/intelligence');
  const header = !values['no-header'];
  await run(io, help, () => {
    const { warnings, ...counts } = checkClassifyFiles({ train, test, labelColumn, header, unknownLabel });
    for (const w of warnings) io.err(`warning: ${w}`);
    const product = { ...evalClassify({ train, test, textColumns, labelColumn, header, unknownLabel }), ...counts };
    return values.baseline ? [product, evalClassifyBaseline({ train, test, textColumns, labelColumn, header })] : product;
  });
}

async function evalPairsCommand(rest: string[], io: CliIo): Promise<void> {
  const help = EVAL_PAIRS_HELP;
  const { values } = parseCommand(
    rest,
    {
      train: { type: 'string' },
      test: { type: 'string' },
      a: { type: 'string' },
      b: { type: 'string' },
      label: { type: 'string' },
      folds: { type: 'string' },
      baseline: { type: 'boolean' },
      'no-header': { type: 'boolean' },
    },
    help,
  );
  if (values.help) return io.out(help);
  const train = values.train === undefined ? undefined : file('--train', values.train, help);
  const test = file('--test', values.test, help);
  if (train && values.folds !== undefined) throw new UsageError('--folds cross-validates the test file when there is no --train; give one or the other', help);
  const folds = train ? undefined : integer(values.folds, '--folds', 5, 2, 20, help);
  const aColumn = required(values.a, '--a', help);
  const bColumn = required(values.b, '--b', help);
  const labelColumn = required(values.label, '--label', help);
  const { evalPairs } = await import('../../modules/intelligence');
  await run(io, help, () => {
    const { results, warnings } = evalPairs({ train, test, folds, aColumn, bColumn, labelColumn, header: !values['no-header'], baseline: values.baseline });
    for (const w of warnings) io.err(`warning: ${w}`);
    return results.map((r) => ({ ...r, suspect_header_rows: warnings.length }));
  });
}

async function evalRetrieveCommand(argv: string[], io: CliIo): Promise<void> {
  const help = EVAL_RETRIEVE_HELP;
  // --baseline is a switch as on the other eval commands; "--baseline bm25" (its only value) still reads.
  const rest = argv.flatMap((a, i) => (a === 'bm25' && argv[i - 1] === '--baseline' ? [] : a === '--baseline=bm25' ? ['--baseline'] : [a]));
  const { values } = parseCommand(
    rest,
    {
      corpus: { type: 'string' },
      id: { type: 'string' },
      text: { type: 'string' },
      title: { type: 'string' },
      queries: { type: 'string' },
      query: { type: 'string' },
      relevant: { type: 'string' },
      links: { type: 'string' },
      'link-id': { type: 'string' },
      'link-text': { type: 'string' },
      baseline: { type: 'boolean' },
      engine: { type: 'string' },
      'no-header': { type: 'boolean' },
    },
    help,
  );
  if (values.help) return io.out(help);
  const corpus = file('--corpus', values.corpus, help);
  const idColumn = required(values.id, '--id', help);
  const textColumn = required(values.text, '--text', help);
  const queries = file('--queries', values.queries, help);
  const queryColumn = required(values.query, '--query', help);
  const relevantColumn = required(values.relevant, '--relevant', help);
  const header = !values['no-header'];
  const engine = values.engine ?? 'kb';
  if (engine !== 'kb' && engine !== 'similarity') throw new UsageError(`--engine: unknown engine "${engine}" (kb, similarity)`, help);
  if (engine === 'similarity') {
    if (values.links || values.title) throw new UsageError('--engine similarity takes no --title or --links', help);
    const { evalRetrieve, evalRetrieveBaseline } = await import('../../modules/intelligence');
    const input = { corpus, idColumn, textColumn, queries, queryColumn, relevantColumn, header };
    return run(io, help, () => (values.baseline ? [evalRetrieve(input), evalRetrieveBaseline(input)] : evalRetrieve(input)));
  }
  const links = values.links === undefined ? undefined : file('--links', values.links, help);
  const linkId = links ? required(values['link-id'], '--link-id', help) : undefined;
  const linkText = links ? required(values['link-text'], '--link-text', help) : undefined;
  const { readKeyed, requireText, CsvError } = await import('../../modules/intelligence');
  const { evalKbRetrieve } = await import('../../modules/kb-search');
  const relevantIds = (cell: string) => cell.split(/[|,;]/).map((s) => s.trim()).filter(Boolean);
  try {
    const c = readKeyed(corpus, textColumn, idColumn, header);
    const titles = values.title ? readKeyed(corpus, values.title, idColumn, header).texts : undefined;
    requireText(titles ? c.texts.map((t, i) => t + titles[i]) : c.texts, corpus, values.title ? `${textColumn}" and "${values.title}` : textColumn);
    const linked = new Map<string, string[]>();
    if (links) {
      const l = readKeyed(links, linkText!, linkId!, header);
      l.keys.forEach((id, i) => linked.set(id, [...(linked.get(id) ?? []), l.texts[i]]));
    }
    const known = new Set(c.keys);
    const unknownLink = [...linked.keys()].find((id) => !known.has(id));
    if (unknownLink !== undefined) throw new CsvError(`${links}: links name article id "${unknownLink}", which is not in the corpus`);
    const q = readKeyed(queries, queryColumn, relevantColumn, header);
    requireText(q.texts, queries, queryColumn);
    const qs = q.texts.map((text, i) => {
      const relevant = relevantIds(q.keys[i]);
      const unknown = relevant.find((id) => !known.has(id));
      if (unknown !== undefined) throw new CsvError(`${queries}: query row ${i + 1} names relevant id "${unknown}", which is not in the corpus`);
      return { text, relevant };
    });
    const docs = c.keys.map((id, i) => ({ id, title: titles?.[i] ?? '', text: c.texts[i], links: linked.get(id) }));
    for (const r of evalKbRetrieve({ corpus: docs, queries: qs, baseline: values.baseline ? 'bm25' : undefined })) io.out(JSON.stringify(r));
  } catch (err) {
    if (err instanceof CsvError) throw new UsageError(err.message, help);
    throw err;
  }
}

async function evalRoutesCommand(rest: string[], io: CliIo): Promise<void> {
  const help = EVAL_ROUTES_HELP;
  const { values } = parseCommand(rest, { dir: { type: 'string' }, seconds: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' } }, help);
  if (values.help) return io.out(help);
  const dir = required(values.dir, '--dir', help);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--dir: no such folder "${dir}"`, help);
  const seconds = values.seconds === undefined ? 1 : Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new UsageError('--seconds: a number of seconds above 0 (at most 3600)', help);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError('--seed: a whole number', help);
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const { evalRoutes, EvalRoutesError } = await import('../../modules/routing');
  try {
    evalRoutes({ dir, seconds, seed, only }, (line) => io.out(JSON.stringify(line)));
  } catch (err) {
    if (err instanceof EvalRoutesError) throw new UsageError(err.message, help);
    throw err;
  }
}
