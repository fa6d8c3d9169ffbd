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
    { 'tenant-slug': { type: 'string' }, tickets: { type: 'string' }, 'admin-email': { type: 'string' }, password: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } },
    DEMO_HELP,
  );
  if (values.help) return io.out(DEMO_HELP);
  const tickets = integer(values.tickets, '--tickets', DEMO_DEFAULTS.tickets, 0, 5000, DEMO_HELP);
  const seed = integer(values.seed, '--seed', DEMO_DEFAULTS.seed, 0, 2 ** 31 - 1, DEMO_HELP);
  const cfg = config();
  const opts = {
    slug: values['tenant-slug'] ?? DEMO_DEFAULTS.slug,
    tickets,
    adminEmail: values['admin-email'] ?? (cfg.ADMIN_EMAIL || DEMO_DEFAULTS.adminEmail),
    password: values.password ?? (cfg.ADMIN_PASSWORD || DEMO_DEFAULTS.password),
    seed,
  };
  const { describeDatabase, withDatabase } = await import('../database');
  const { loadDemo } = await import('../../demo/load-demo');
  const { describeDemo } = await import('../../demo/demo-summary-text');
  const { makeDeps } = await import('../../app');
  io.err(`Loading the demo into tenant "${opts.slug}" with ${opts.tickets} tickets into ${describeDatabase(cfg)}…`);
  const summary = await withDatabase(cfg, (db) => loadDemo((clock) => makeDeps(cfg, db, { clock }), opts, (msg) => io.err(`  ${msg}`)));
  if (values.json) return io.out(JSON.stringify(summary, null, 2));
  const url = (cfg.PUBLIC_URL || `http://localhost:${cfg.PORT}`).replace(/\/+$/, '');
  io.out(describeDemo(summary, { url, smtpPort: cfg.SMTP_PORT, mqttPort: cfg.MQTT_PORT }));
}
