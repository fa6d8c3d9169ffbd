import { randomBytes } from 'node:crypto';
import type { Database } from '../../platform/db/database';
import { AppError, invalid } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { assertPasswordAllowed } from './password-policy';
import { hashPassword } from './passwords';
import { tenantRepository, type TenantRow } from './tenant-repository';
import { userRepository, type UserRow } from './user-repository';

export interface CreateTenantInput {
  name: string;
  slug?: string;
  adminEmail: string;
  adminPassword: string;
  adminName?: string;
  timeZone?: string;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Latin letters and digits of the name, or a random slug for names that have none (e.g. 华东电梯). */
export function slugFromName(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
  return ascii.length >= 3 ? ascii : `t-${randomBytes(4).toString('hex')}`;
}

/** Platform operation: a tenant, its ticket-number sequence and its first administrator, in one transaction. */
export async function createTenant(db: Database, input: CreateTenantInput): Promise<{ tenant: TenantRow; admin: UserRow }> {
  assertPasswordAllowed('adminPassword', input.adminPassword, input.adminEmail);
  if (input.slug && !SLUG.test(input.slug)) throw invalid('slug', 'Slug must be 1–40 lowercase letters, digits or dashes', 'invalid_slug');
  const passwordHash = await hashPassword(input.adminPassword);
  return db.system(async (q) => {
    let slug = input.slug ?? slugFromName(input.name);
    if (await tenantRepository.slugExists(q, slug)) {
      if (input.slug) throw new AppError('CONFLICT', `Tenant slug "${slug}" is taken`, { field: 'slug' });
      slug = `${slug.slice(0, 30)}-${randomBytes(3).toString('hex')}`;
    }
    const tenant = await tenantRepository.insert(q, {
      id: uuidv7(),
      slug,
      name: input.name,
      settings: { timeZone: input.timeZone ?? 'Asia/Shanghai', languages: ['zh-CN', 'en-US'], defaultLanguage: 'zh-CN' },
    });
    const admin = await userRepository.insert(q, {
      id: uuidv7(),
      tenant_id: tenant.id,
      email: input.adminEmail.trim().toLowerCase(),
      name: input.adminName ?? '管理员',
      phone: null,
      role: 'admin',
      scope: 'all',
      password_hash: passwordHash,
      locale: 'zh-CN',
      contact_id: null,
    });
    return { tenant, admin };
  });
}
