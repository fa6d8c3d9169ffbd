import { ConfigError } from '../../platform/config';
import type { Database } from '../../platform/db/database';
import { createTenant } from './create-tenant';
import { passwordProblem } from './password-policy';
import { generatePassword } from './passwords';
import { tenantRepository } from './tenant-repository';

export interface BootstrapResult {
  created: boolean;
  email?: string;
  generatedPassword?: string;
  tenantSlug?: string;
}

/** First start on an empty database: the initial tenant and its administrator. */
export async function bootstrapFirstTenant(
  db: Database,
  opts: { tenantName: string; adminEmail: string; adminPassword: string },
): Promise<BootstrapResult> {
  const existing = await db.system((q) => tenantRepository.count(q));
  if (existing > 0) return { created: false };
  const email = opts.adminEmail || 'admin@example.com';
  const refused = opts.adminPassword && passwordProblem(opts.adminPassword, email);
  if (refused) throw new ConfigError(`ADMIN_PASSWORD is refused by the password policy: ${refused.message} (docs/SECURITY.md); set another, or leave it empty to have one generated`);
  const password = opts.adminPassword || generatePassword();
  let tenant;
  try {
    ({ tenant } = await createTenant(db, { name: opts.tenantName, slug: 'default', adminEmail: email, adminPassword: password }));
  } catch (err) {
    // another process started at the same moment and created it
    if ((await db.system((q) => tenantRepository.count(q))) > 0) return { created: false };
    throw err;
  }
  return { created: true, email, tenantSlug: tenant.slug, generatedPassword: opts.adminPassword ? undefined : password };
}
