import type { Config } from '../../platform/config';
import { parseCommand, required } from '../args';
import { UsageError } from '../errors';
import { TENANT_CREATE_HELP, TENANT_HELP, TENANT_LIST_HELP } from '../help';
import type { CliIo } from '../io';

// database and use cases are imported once the arguments are known to be right
const load = async () => ({ ...(await import('../../modules/operator')), ...(await import('../database')) });

export async function tenantCommand(argv: string[], io: CliIo, config: () => Config): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    if (sub === undefined) throw new UsageError('Missing the tenant command (create or list)', TENANT_HELP);
    io.out(TENANT_HELP);
    return;
  }
  if (sub === 'create') {
    const { values } = parseCommand(
      rest,
      {
        name: { type: 'string' },
        slug: { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-password': { type: 'string' },
        'admin-name': { type: 'string' },
        'time-zone': { type: 'string' },
      },
      TENANT_CREATE_HELP,
    );
    if (values.help) return io.out(TENANT_CREATE_HELP);
    const input = {
      name: required(values.name, '--name', TENANT_CREATE_HELP),
      adminEmail: required(values['admin-email'], '--admin-email', TENANT_CREATE_HELP),
      adminPassword: required(values['admin-password'], '--admin-password', TENANT_CREATE_HELP),
      slug: values.slug,
      adminName: values['admin-name'],
      timeZone: values['time-zone'],
    };
    const { withDatabase, provisionTenant } = await load();
    const tenant = await withDatabase(config(), (db) => provisionTenant({ db }, input));
    io.out(JSON.stringify(tenant));
    return;
  }
  if (sub === 'list') {
    const { values } = parseCommand(rest, {}, TENANT_LIST_HELP);
    if (values.help) return io.out(TENANT_LIST_HELP);
    const { withDatabase, listTenants } = await load();
    const tenants = await withDatabase(config(), (db) => listTenants({ db }));
    for (const t of tenants) io.out(JSON.stringify(t));
    return;
  }
  throw new UsageError(`Unknown tenant command "${sub}"`, TENANT_HELP);
}
