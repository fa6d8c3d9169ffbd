import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { credentialRepository } from './credential-repository';
import { hashToken, newToken, verifyPassword } from './passwords';
import { userRepository } from './user-repository';

export interface SignInInput {
  email: string;
  password: string;
  /** Needed only when the same email belongs to users of several tenants. */
  tenant?: string;
}

export interface SignInResult {
  token: string;
  expiresAt: Date;
  user: { id: string; tenantId: string; tenantSlug: string; name: string; email: string; role: string; locale: string };
}

export async function signIn(deps: Deps, input: SignInInput): Promise<SignInResult> {
  const candidates = await deps.db.system((q) => userRepository.signInCandidates(q, input.email.trim(), input.tenant));
  if (candidates.length > 1)
    throw new AppError('VALIDATION_FAILED', 'This email belongs to several tenants: give the tenant slug', {
      field: 'tenant',
      details: [{ field: 'tenant', code: 'tenant_required', message: 'Give the tenant slug' }],
    });
  const user = candidates[0];
  const ok = await verifyPassword(input.password, user?.password_hash ?? null);
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong');
  const token = newToken('gds');
  const expiresAt = new Date(deps.clock.now().getTime() + deps.limits.sessionTtlHours * 3600_000);
  await deps.db.tenant(user.tenant_id, (q) =>
    credentialRepository.insertSession(q, { id: uuidv7(), tenantId: user.tenant_id, userId: user.id, tokenHash: hashToken(token), expiresAt }),
  );
  return {
    token,
    expiresAt,
    user: { id: user.id, tenantId: user.tenant_id, tenantSlug: user.tenant_slug, name: user.name, email: user.email, role: user.role, locale: user.locale },
  };
}
