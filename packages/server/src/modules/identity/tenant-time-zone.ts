import type { Queryable } from '../../platform/db/database';
import { tenantRepository } from './tenant-repository';
import { effectiveSettings } from './tenant-settings';

/** The time zone of the tenant of this transaction (its setting, else the default Asia/Shanghai). */
export async function tenantTimeZone(q: Queryable): Promise<string> {
  return effectiveSettings((await tenantRepository.current(q))?.settings ?? {}).timeZone;
}
