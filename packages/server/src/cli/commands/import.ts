import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Config } from '../../platform/config';
import { parseCommand, required } from '../args';
import { CommandFailed, UsageError } from '../errors';
import { IMPORT_HELP, IMPORT_TICKETS_HELP } from '../help';
import type { CliIo } from '../io';

// database and use cases are imported once the arguments are known to be right
const load = async () => ({
  ...(await import('../../modules/imports')),
  ...(await import('../../modules/operator')),
  ...(await import('../../modules/identity')),
  ...(await import('../../platform/text/csv')),
  ...(await import('../../platform/clock')),
  ...(await import('../database')),
});

/** `gongdan import tickets`: a file of historical tickets into a tenant, in batches as the API takes them. */
export async function importCommand(argv: string[], io: CliIo, config: () => Config): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    if (sub === undefined) throw new UsageError('Missing what to import (tickets)', IMPORT_HELP);
    return io.out(IMPORT_HELP);
  }
  if (sub !== 'tickets') throw new UsageError(`Unknown import command "${sub}"`, IMPORT_HELP);
  const { values } = parseCommand(rest, { tenant: { type: 'string' }, file: { type: 'string' } }, IMPORT_TICKETS_HELP);
  if (values.help) return io.out(IMPORT_TICKETS_HELP);
  const slug = required(values.tenant, '--tenant', IMPORT_TICKETS_HELP);
  const file = required(values.file, '--file', IMPORT_TICKETS_HELP);
  if (!/\.(csv|jsonl|ndjson)$/i.test(file)) throw new UsageError(`--file must be a .csv or .jsonl file, got "${file}"`, IMPORT_TICKETS_HELP);
  const m = await load();
  let rows;
  try {
    rows = await m.readImportFile(basename(file), createReadStream(file, { encoding: 'utf8' }));
  } catch (err) {
    if (err instanceof m.CsvError) throw new CommandFailed(`${file}: ${err.message}`);
    if ((err as NodeJS.ErrnoException).syscall) throw new CommandFailed(`Cannot read ${file}: ${(err as Error).message}`);
    throw err;
  }
  const started = Date.now();
  const failures: { row: number; externalId: string | null; error: { code: string; message: string; field?: string } }[] = [];
  const counts = { created: 0, exists: 0, failed: 0 };
  await m.withDatabase(config(), async (db) => {
    const tenant = (await m.listTenants({ db })).find((t) => t.slug === slug);
    if (!tenant) throw new CommandFailed(`No tenant "${slug}" (gongdan tenant list shows the tenants)`);
    const actor = m.systemActor(tenant.id, 'gongdan import');
    for (const r of rows) if (r.error) failures.push({ row: r.row, externalId: null, error: r.error });
    const readable = rows.filter((r) => r.item);
    for (let k = 0; k < readable.length; k += m.MAX_IMPORT_ITEMS) {
      const batch = readable.slice(k, k + m.MAX_IMPORT_ITEMS);
      const res = await m.importTickets({ db, clock: m.systemClock }, actor, batch.map((r) => r.item));
      counts.created += res.created;
      counts.exists += res.exists;
      res.items.forEach((it, j) => it.error && failures.push({ row: batch[j].row, externalId: it.externalId, error: it.error }));
    }
  });
  counts.failed = failures.length;
  failures.sort((a, b) => a.row - b.row);
  for (const f of failures) io.err(JSON.stringify(f));
  io.out(JSON.stringify({ tenant: slug, file, rows: rows.length, ...counts, seconds: Math.round((Date.now() - started) / 100) / 10 }));
  if (counts.failed) throw new CommandFailed(`${counts.failed} of ${rows.length} rows were not imported (listed above with their errors); fix them and run again — imported rows answer "exists"`);
}
