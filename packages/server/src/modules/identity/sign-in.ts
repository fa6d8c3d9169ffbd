import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { credentialRepository } from './credential-repository';
import { hashToken, newToken, verifyPassword } from './passwords';
import { loginThrottleRepository } from './login-throttle-repository';
import { userRepository } from './user-repository';

/** Password guessing: at most MAX_FAILURES wrong passwords per email within WINDOW_MS. */
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;

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
  const email = input.email.trim().toLowerCase();
  const now = deps.clock.now();
  const since = new Date(now.getTime() - WINDOW_MS);
  if ((await deps.db.system((q) => loginThrottleRepository.recentFailures(q, email, since))) >= MAX_FAILURES)
    throw new AppError('RATE_LIMITED', 'Too many wrong passwords for this email; wait 15 minutes and try again', { field: 'password' });
  const candidates = await deps.db.system((q) => userRepository.signInCandidates(q, input.email.trim(), input.tenant));
  if (candidates.length > 1)
    throw new AppError('VALIDATION_FAILED', 'This email belongs to several tenants: give the tenant slug', {
      field: 'tenant',
      details: [{ field: 'tenant', code: 'tenant_required', message: 'Give the tenant slug' }],
    });
  const user = candidates[0];
  const ok = await verifyPassword(input.password, user?.password_hash ?? null);
  if (!user || !ok) {
    await deps.db.system((q) => loginThrottleRepository.recordFailure(q, email, now));
    throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong');
  }
  await deps.db.system((q) => loginThrottleRepository.clear(q, email, since));
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
