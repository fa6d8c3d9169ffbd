import type { Config } from '../../platform/config';
import { DEMO_DEFAULTS } from '../../demo/defaults';
import { integer, parseCommand } from '../args';
import { UsageError } from '../errors';
import { DEMO_HELP } from '../help';
import type { CliIo } from '../io';

export async function demoCommand(argv: string[], io: CliIo, config: () => Config): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') return io.out(DEMO_HELP);
  if (sub === undefined) throw new UsageError('Missing the demo command (load)', DEMO_HELP);
  if (sub !== 'load') throw new UsageError(`Unknown demo command "${sub}"`, DEMO_HELP);
  const { values } = parseCommand(
    rest,
    { 'tenant-slug': { type: 'string' }, tickets: { type: 'string' }, 'admin-email': { type: 'string' }, password: { type: 'string' }, seed: { type: 'string' } },
    DEMO_HELP,
  );
  if (values.help) return io.out(DEMO_HELP);
  const opts = {
    slug: values['tenant-slug'] ?? DEMO_DEFAULTS.slug,
    tickets: integer(values.tickets, '--tickets', DEMO_DEFAULTS.tickets, 0, 5000, DEMO_HELP),
    adminEmail: values['admin-email'] ?? DEMO_DEFAULTS.adminEmail,
    password: values.password ?? DEMO_DEFAULTS.password,
    seed: integer(values.seed, '--seed', DEMO_DEFAULTS.seed, 0, 2 ** 31 - 1, DEMO_HELP),
  };
  const cfg = config();
  const { describeDatabase, withDatabase } = await import('../database');
  const { loadDemo } = await import('../../demo/load-demo');
  const { makeDeps } = await import('../../app');
  io.err(`Loading the demo tenant "${opts.slug}" with ${opts.tickets} tickets into ${describeDatabase(cfg)}…`);
  const summary = await withDatabase(cfg, (db) => loadDemo((clock) => makeDeps(cfg, db, { clock }), opts, (msg) => io.err(`  ${msg}`)));
  io.out(JSON.stringify(summary, null, 2));
}
