import { z } from 'zod';
import type { Deps } from '../platform/deps';
import { AppError, invalid } from '../platform/errors';
import { createTenant, type Actor, type UserRow } from '../modules/identity';
import { ADMIN_NAME } from './data';

// The demo tenant and its administrator; errors are reworded in terms of the CLI options.

export const DEMO_TENANT_NAME = '演示租户 · 华南工单服务中心';

export type CreatedTenant = Awaited<ReturnType<typeof createTenant>>;

export interface TenantOptions {
  slug: string;
  adminEmail: string;
  password: string;
}

export async function createDemoTenant(deps: Deps, opts: TenantOptions): Promise<CreatedTenant> {
  if (!z.email().safeParse(opts.adminEmail).success) throw invalid('adminEmail', `"${opts.adminEmail}" is not an email address`, 'invalid_email');
  try {
    return await createTenant(deps.db, { name: DEMO_TENANT_NAME, slug: opts.slug, adminEmail: opts.adminEmail, adminPassword: opts.password, adminName: ADMIN_NAME });
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT')
      throw new AppError('CONFLICT', `A tenant with slug "${opts.slug}" already exists; give another --tenant-slug or use an empty database`, { field: 'tenantSlug' });
    if (err instanceof AppError && err.field === 'adminPassword') throw new AppError(err.code, err.message, { field: 'password' });
    if (err instanceof AppError && err.field === 'slug') throw new AppError(err.code, err.message, { field: 'tenantSlug' });
    throw err;
  }
}

/** The actor a signed-in user acts as. */
export function userActor(tenantId: string, u: UserRow): Actor {
  return { tenantId, type: 'user', id: u.id, name: u.name, role: u.role, scope: u.scope, teamIds: u.team_ids ?? [], contactId: u.contact_id };
}
