import { z } from 'zod';
import type { Deps } from '../platform/deps';
import { AppError, invalid } from '../platform/errors';
import { hasContacts } from '../modules/customers';
import { createTenant, firstActiveAdminId, hasUsersBesidesAdmins, tenantBySlug, userAccount, type Actor, type UserRow } from '../modules/identity';
import { hasTickets } from '../modules/tickets';
import { ADMIN_NAME } from './data';

// The tenant the demo fills: a new one, or an existing one nobody has used yet (the `default` tenant
// `npm start` creates on its first start, with the administrator the README signs in with).
// Errors are reworded in terms of the CLI options.

export const DEMO_TENANT_NAME = '演示租户 · 华南工单服务中心';

export interface DemoTenant {
  tenant: { id: string; slug: string; name: string };
  admin: UserRow;
  /** false: the tenant and its administrator existed before; the administrator's password is unchanged. */
  created: boolean;
}

export interface TenantOptions {
  slug: string;
  adminEmail: string;
  password: string;
}

export async function createDemoTenant(deps: Deps, opts: TenantOptions): Promise<DemoTenant> {
  const existing = await deps.db.system((q) => tenantBySlug(q, opts.slug));
  if (existing) return reuseTenant(deps, existing);
  if (!z.email().safeParse(opts.adminEmail).success) throw invalid('adminEmail', `"${opts.adminEmail}" is not an email address`, 'invalid_email');
  try {
    const { tenant, admin } = await createTenant(deps.db, { name: DEMO_TENANT_NAME, slug: opts.slug, adminEmail: opts.adminEmail, adminPassword: opts.password, adminName: ADMIN_NAME });
    return { tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name }, admin, created: true };
  } catch (err) {
    if (err instanceof AppError && err.field === 'adminPassword') throw new AppError(err.code, err.message, { field: 'password' });
    if (err instanceof AppError && err.field === 'slug') throw new AppError(err.code, err.message, { field: 'tenantSlug' });
    throw err;
  }
}

/** An existing tenant is filled only while it holds nothing but its administrators. */
async function reuseTenant(deps: Deps, tenant: { id: string; slug: string; name: string }): Promise<DemoTenant> {
  const { used, admin } = await deps.db.tenant(tenant.id, async (q) => {
    const id = await firstActiveAdminId(q);
    // anything besides its administrators: tickets, other users, customers
    const used = (await hasTickets(q)) || (await hasUsersBesidesAdmins(q)) || (await hasContacts(q));
    return { used, admin: id ? await userAccount(q, id) : undefined };
  });
  if (used || !admin)
    throw new AppError('CONFLICT', `The tenant "${tenant.slug}" is in use already (it has tickets, staff or customers); load the demo into an empty database, or into a new tenant with --tenant-slug`, {
      field: 'tenantSlug',
    });
  return { tenant, admin, created: false };
}

/** The actor a signed-in user acts as. */
export function userActor(tenantId: string, u: UserRow): Actor {
  return { tenantId, type: 'user', id: u.id, name: u.name, role: u.role, scope: u.scope, teamIds: u.team_ids ?? [], contactId: u.contact_id };
}
