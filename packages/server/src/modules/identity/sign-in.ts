import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { credentialRepository } from './credential-repository';
import { hashToken, newToken, verifyPassword } from './passwords';
import { admitSignIn, signInSucceeded } from './sign-in-throttle';
import { userRepository } from './user-repository';

export interface SignInInput {
  email: string;
  password: string;
  /** Needed only when the password is right for the same email in several tenants. */
  tenant?: string;
}

export interface SignInResult {
  token: string;
  expiresAt: Date;
  user: { id: string; tenantId: string; tenantSlug: string; name: string; email: string; role: string; locale: string };
}

/**
 * Signs a user in with email and password, for one client address. An unknown email, a wrong password
 * and an email in several tenants none of whose passwords match all get the same answer after about
 * the same work (one hash, or the accounts' hashes side by side); only someone who knows a password
 * that is right in several tenants is asked which tenant.
 */
export async function signIn(deps: Deps, input: SignInInput, client: { address: string }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const ticket = await admitSignIn(deps, email, client.address);
  const candidates = await deps.db.system((q) => userRepository.signInCandidates(q, email, input.tenant));
  const checks = candidates.length ? candidates.map((u) => verifyPassword(input.password, u.password_hash)) : [verifyPassword(input.password, null)];
  const verdicts = await Promise.all(checks);
  const matches = candidates.filter((_, i) => verdicts[i]);
  if (!matches.length) throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong');
  await signInSucceeded(deps, ticket);
  if (matches.length > 1)
    throw new AppError('VALIDATION_FAILED', 'This email and password belong to several tenants: give the tenant slug', {
      field: 'tenant',
      details: [{ field: 'tenant', code: 'tenant_required', message: 'Give the tenant slug of the account to sign in to' }],
    });
  const user = matches[0];
  const now = deps.clock.now();
  const token = newToken('gds');
  const expiresAt = new Date(now.getTime() + deps.limits.sessionTtlHours * 3600_000);
  await deps.db.tenant(user.tenant_id, (q) =>
    credentialRepository.insertSession(q, { id: uuidv7(), tenantId: user.tenant_id, userId: user.id, tokenHash: hashToken(token), expiresAt }),
  );
  return {
    token,
    expiresAt,
    user: { id: user.id, tenantId: user.tenant_id, tenantSlug: user.tenant_slug, name: user.name, email: user.email, role: user.role, locale: user.locale },
  };
}
