import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { canonicalTimeZone, createTenant, type CreateTenantInput } from '../identity';

export type ProvisionTenantInput = CreateTenantInput;

export interface ProvisionedTenant {
  id: string;
  slug: string;
  name: string;
  adminEmail: string;
}

const Email = z.email();

/**
 * Platform operator: a new tenant with its first administrator (CLI `gongdan tenant create` and
 * POST /api/v1/operator/tenants). Checks what createTenant leaves to its callers (name, email, time zone).
 */
export async function provisionTenant(deps: Pick<Deps, 'db'>, input: ProvisionTenantInput): Promise<ProvisionedTenant> {
  const name = input.name.trim();
  if (!name) throw invalid('name', 'The tenant needs a name', 'required');
  if (name.length > 200) throw invalid('name', 'The tenant name must be at most 200 characters', 'too_long');
  const adminEmail = input.adminEmail.trim().toLowerCase();
  if (!Email.safeParse(adminEmail).success) throw invalid('adminEmail', `"${input.adminEmail}" is not an email address`, 'invalid_email');
  const timeZone = input.timeZone === undefined ? undefined : canonicalTimeZone(input.timeZone);
  if (timeZone === null) throw invalid('timeZone', `"${input.timeZone}" is not an IANA time zone (e.g. Asia/Shanghai)`, 'invalid_time_zone');
  const adminName = input.adminName?.trim() || undefined;
  const { tenant, admin } = await createTenant(deps.db, { name, slug: input.slug, adminEmail, adminPassword: input.adminPassword, adminName, timeZone });
  return { id: tenant.id, slug: tenant.slug, name: tenant.name, adminEmail: admin.email };
}
