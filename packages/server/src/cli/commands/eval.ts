import { existsSync, statSync } from 'node:fs';
import { parseCommand, required } from '../args';
import { UsageError } from '../errors';
import { EVAL_CLASSIFY_HELP, EVAL_HELP } from '../help';
import type { CliIo } from '../io';

// Offline evaluation of the ticket intelligence models; no database is opened.
export async function evalCommand(argv: string[], io: CliIo): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    if (sub === undefined) throw new UsageError('Missing the eval command (classify)', EVAL_HELP);
    io.out(EVAL_HELP);
    return;
  }
  if (sub !== 'classify') throw new UsageError(`Unknown eval command "${sub}"`, EVAL_HELP);
  const { values } = parseCommand(
    rest,
    {
      train: { type: 'string' },
      test: { type: 'string' },
      text: { type: 'string' },
      label: { type: 'string' },
      'no-header': { type: 'boolean' },
    },
    EVAL_CLASSIFY_HELP,
  );
  if (values.help) return io.out(EVAL_CLASSIFY_HELP);
  const file = (flag: string, v: string | undefined) => {
    const path = required(v, flag, EVAL_CLASSIFY_HELP);
    if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`${flag}: no such file "${path}"`, EVAL_CLASSIFY_HELP);
    return path;
  };
  const train = file('--train', values.train);
  const test = file('--test', values.test);
  const textColumns = required(values.text, '--text', EVAL_CLASSIFY_HELP)
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (textColumns.length === 0) throw new UsageError('Missing --text', EVAL_CLASSIFY_HELP);
  const labelColumn = required(values.label, '--label', EVAL_CLASSIFY_HELP);
  const { CsvError } = await import('../../modules/intelligence/classify/csv');
  const { evalClassify } = await import('../../modules/intelligence/classify/eval-classify');
  try {
    io.out(JSON.stringify(evalClassify({ train, test, textColumns, labelColumn, header: !values['no-header'] })));
  } catch (err) {
    if (err instanceof CsvError) throw new UsageError(err.message, EVAL_CLASSIFY_HELP);
    throw err;
  }
}
