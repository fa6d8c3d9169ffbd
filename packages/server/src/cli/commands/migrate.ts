import type { Config } from '../../platform/config';
import { parseCommand } from '../args';
import { MIGRATE_HELP } from '../help';
import type { CliIo } from '../io';

export async function migrateCommand(argv: string[], io: CliIo, config: () => Config): Promise<void> {
  const { values } = parseCommand(argv, {}, MIGRATE_HELP);
  if (values.help) return io.out(MIGRATE_HELP);
  const { migrateDatabase } = await import('../database');
  const res = await migrateDatabase(config());
  io.out(JSON.stringify({ database: res.database, applied: res.applied }));
  io.err(res.applied.length ? `Applied ${res.applied.length} migration(s).` : 'The database is up to date.');
}
