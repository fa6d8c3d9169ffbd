import { AppError } from '../platform/errors';
import { ConfigError, loadConfig, type Config } from '../platform/config';
import { DataDirectoryInUse } from '../platform/db/data-dir-lock';
import { configCommand } from './commands/config';
import { demoCommand } from './commands/demo';
import { evalCommand } from './commands/eval';
import { importCommand } from './commands/import';
import { migrateCommand } from './commands/migrate';
import { tenantCommand } from './commands/tenant';
import { simulateCommand } from './simulate-command';
import { SIMULATE_HELP } from './simulate-help';
import { CommandFailed, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { CONFIG_HELP, DEMO_HELP, EVAL_HELP, IMPORT_HELP, MIGRATE_HELP, TENANT_HELP, USAGE } from './help';
import type { CliIo } from './io';

const HELP: Record<string, string> = { tenant: TENANT_HELP, demo: DEMO_HELP, config: CONFIG_HELP, migrate: MIGRATE_HELP, eval: EVAL_HELP, import: IMPORT_HELP, simulate: SIMULATE_HELP };

/** Runs one command line; returns the exit code. Results go to io.out, messages to io.err. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let cached: Config | undefined;
  const config = () => (cached ??= loadConfig(io.env));
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
        io.out(USAGE);
        return EXIT_OK;
      case 'help':
        io.out(rest[0] && HELP[rest[0]] ? HELP[rest[0]] : USAGE);
        return EXIT_OK;
      case 'tenant':
        await tenantCommand(rest, io, config);
        return EXIT_OK;
      case 'demo':
        await demoCommand(rest, io, config);
        return EXIT_OK;
      case 'config':
        configCommand(rest, io);
        return EXIT_OK;
      case 'eval':
        await evalCommand(rest, io);
        return EXIT_OK;
      case 'import':
        await importCommand(rest, io, config);
        return EXIT_OK;
      case 'migrate':
        await migrateCommand(rest, io, config);
        return EXIT_OK;
      case 'simulate':
        await simulateCommand(rest, io);
        return EXIT_OK;
      default:
        throw new UsageError(`Unknown command "${command}"`, USAGE);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      const usage = (err.help ?? USAGE).split('\n')[0];
      const command = usage.replace(/^Usage:\s*/, '').split(/\s+/).filter((w, i, all) => all.slice(0, i + 1).every((x) => /^[a-z]+$/.test(x)));
      io.err(`gongdan: ${err.message}\n${usage}\nRun "${command.join(' ')} --help" for the options.`);
      return EXIT_USAGE;
    }
    io.err(`gongdan: ${describeFailure(err)}`);
    return EXIT_FAILED;
  }
}

function describeFailure(err: unknown): string {
  if (err instanceof AppError) {
    const field = err.field ? ` (${flagOf(err.field)})` : '';
    return `${err.message}${field}`;
  }
  if (err instanceof ConfigError || err instanceof CommandFailed || err instanceof DataDirectoryInUse) return err.message;
  const e = err as { code?: string; message?: string };
  if (e?.code === 'ECONNREFUSED') return `Cannot reach the database: ${e.message}`;
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/** adminPassword → --admin-password, so a message points at the option to fix. */
const flagOf = (field: string) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
