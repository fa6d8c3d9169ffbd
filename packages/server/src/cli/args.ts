import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs, strict, with every parse problem turned into a UsageError that carries the
 * command's help. `--help` / `-h` is added to every command.
 */
export function parseCommand<O extends Options>(argv: string[], options: O, help: string, opts: { positionals?: number } = {}) {
  try {
    const parsed = parseArgs({
      args: joinNegativeValues(argv, options),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: (opts.positionals ?? 0) > 0,
    });
    if (parsed.positionals.length > (opts.positionals ?? 0)) throw new UsageError(`Unexpected argument "${parsed.positionals[opts.positionals ?? 0]}"`, help);
    return parsed as { values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string } & { help?: boolean }; positionals: string[] };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const e = err as { code?: string; message: string };
    if (e.code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(e.message.replace(/\. To specify a positional argument.*$/s, ''), help);
    throw err;
  }
}

/**
 * `--tickets -1`: parseArgs takes "-1" for an option and answers "argument is ambiguous"; a negative
 * number after an option that takes a value is that value, so the option's own check can say what is wrong.
 */
function joinNegativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = /^--([^=]+)$/.exec(argv[i])?.[1];
    if (name && options[name]?.type === 'string' && /^-\d/.test(argv[i + 1] ?? '')) out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

/** A required option, or a usage error naming it. */
export function required(value: string | undefined, flag: string, help: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`Missing ${flag}`, help);
  return value;
}

/** A whole number option within bounds, or a usage error. */
export function integer(value: string | undefined, flag: string, dflt: number, min: number, max: number, help: string): number {
  if (value === undefined) return dflt;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`${flag} must be a whole number, got "${value}"`, help);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`${flag} must be between ${min} and ${max}, got ${n}`, help);
  return n;
}
