import { existsSync, statSync } from 'node:fs';
import { parseCommand, required } from '../args';
import { UsageError } from '../errors';
import { EVAL_CLASSIFY_HELP, EVAL_HELP, EVAL_PAIRS_HELP, EVAL_RETRIEVE_HELP } from '../help';
import type { CliIo } from '../io';

// Offline evaluation of the ticket intelligence models; no database is opened.
export async function evalCommand(argv: string[], io: CliIo): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    if (sub === undefined) throw new UsageError('Missing the eval command (classify, pairs, retrieve)', EVAL_HELP);
    io.out(EVAL_HELP);
    return;
  }
  if (sub === 'classify') return evalClassifyCommand(rest, io);
  if (sub === 'pairs') return evalPairsCommand(rest, io);
  if (sub === 'retrieve') return evalRetrieveCommand(rest, io);
  throw new UsageError(`Unknown eval command "${sub}"`, EVAL_HELP);
}

/** A required file option naming an existing file, or a usage error. */
function file(flag: string, v: string | undefined, help: string): string {
  const path = required(v, flag, help);
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`${flag}: no such file "${path}"`, help);
  return path;
}

/** Runs an evaluation, turning CSV problems (unknown column, bad label, empty file) into usage errors. */
async function run(io: CliIo, help: string, evaluate: () => unknown): Promise<void> {
  const { CsvError } = await import('../../modules/intelligence');
  try {
    io.out(JSON.stringify(evaluate()));
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
      'no-header': { type: 'boolean' },
    },
    help,
  );
  if (values.help) return io.out(help);
  const train = file('--train', values.train, help);
  const test = file('--test', values.test, help);
  const textColumns = required(values.text, '--text', help)
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (textColumns.length === 0) throw new UsageError('Missing --text', help);
  const labelColumn = required(values.label, '--label', help);
  const { evalClassify } = await import('../../modules/intelligence');
  await run(io, help, () => evalClassify({ train, test, textColumns, labelColumn, header: !values['no-header'] }));
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
      'no-header': { type: 'boolean' },
    },
    help,
  );
  if (values.help) return io.out(help);
  const train = file('--train', values.train, help);
  const test = file('--test', values.test, help);
  const aColumn = required(values.a, '--a', help);
  const bColumn = required(values.b, '--b', help);
  const labelColumn = required(values.label, '--label', help);
  const { evalPairs } = await import('../../modules/intelligence');
  await run(io, help, () => evalPairs({ train, test, aColumn, bColumn, labelColumn, header: !values['no-header'] }).result);
}

async function evalRetrieveCommand(rest: string[], io: CliIo): Promise<void> {
  const help = EVAL_RETRIEVE_HELP;
  const { values } = parseCommand(
    rest,
    {
      corpus: { type: 'string' },
      id: { type: 'string' },
      text: { type: 'string' },
      queries: { type: 'string' },
      query: { type: 'string' },
      relevant: { type: 'string' },
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
  const { evalRetrieve } = await import('../../modules/intelligence');
  await run(io, help, () => evalRetrieve({ corpus, idColumn, textColumn, queries, queryColumn, relevantColumn, header: !values['no-header'] }));
}
