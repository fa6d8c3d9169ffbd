import type { Deps } from '../../platform/deps';
import { AppError, invalid } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { contactIdOf, contactNames, normalizeEmail, normalizePhone } from '../customers';
import { enqueueCustomerMessage } from '../delivery';
import { checkRate, RateLimited } from '../intake';
import { portalBySlug } from './portal-context';
import { LOGIN_CODE_TTL_MS, MAX_CODE_ATTEMPTS, newLoginCode, newToken, secretHash, SESSION_TTL_MS, SIGN_IN_LIMITS, type Locale } from './portal-rules';
import { signInRepository } from './sign-in-repository';

const target = (input: { email?: string; phone?: string }) => {
  if (input.email) return { via: 'email' as const, identity: { kind: 'email' as const, value: normalizeEmail(input.email) } };
  if (input.phone) return { via: 'sms' as const, identity: { kind: 'phone' as const, value: normalizePhone(input.phone) } };
  throw invalid('email', 'Give your email address or your mobile number', 'contact_required');
};

/**
 * POST /api/v1/portal/{slug}/sign-in: sends a sign-in link by mail or a 6-digit code by SMS to a known
 * contact of the tenant. The answer is the same whether or not the address is known (no hint who is a
 * customer); limited per address and per client. Only hashes of the code and the link are kept.
 */
export async function requestSignIn(deps: Deps, slug: string, input: { email?: string; phone?: string; locale?: Locale }, who: { ip: string }) {
  const p = await portalBySlug(deps, slug);
  const { via, identity } = target(input);
  await checkRate(deps, p.tenantId, SIGN_IN_LIMITS.windowSeconds, [
    { bucket: `portal-sign-in:ip:${who.ip}`, limit: SIGN_IN_LIMITS.perIp },
    { bucket: `portal-sign-in:${identity.kind}:${identity.value}`, limit: SIGN_IN_LIMITS.perTarget },
  ], 'sign-in requests');
  const locale = input.locale ?? p.settings.default_locale;
  const now = deps.clock.now();
  await deps.db.tenant(p.tenantId, async (q) => {
    const contactId = await contactIdOf(q, identity);
    if (!contactId) return;
    const id = uuidv7(now.getTime());
    const secret = via === 'email' ? newToken() : newLoginCode();
    await signInRepository.insertCode(q, { id, contactId, via, secretHash: secretHash(p.tenantId, secret), at: now, expiresAt: new Date(now.getTime() + LOGIN_CODE_TTL_MS) });
    const name = p.settings.title || p.name;
    if (via === 'email') {
      const link = `${(deps.publicUrl ?? '').replace(/\/+$/, '')}/portal/${p.slug}?signin=${secret}`;
      const text = locale === 'en-US' ? `Sign in to ${name}: ${link}\nThe link works once, for 10 minutes. If you did not ask for it, ignore this mail.\n` : `登录「${name}」：${link}\n链接10分钟内有效，只能使用一次。如果不是您本人操作，请忽略本邮件。\n`;
      await enqueueCustomerMessage(q, { via, to: identity.value, subject: locale === 'en-US' ? `Sign in to ${name}` : `登录「${name}」`, text, dedupeKey: `portal:sign-in:${id}` }, now);
    } else {
      const text = locale === 'en-US' ? `Your sign-in code for ${name}: ${secret} (10 minutes)` : `您登录「${name}」的验证码：${secret}，10分钟内有效`;
      await enqueueCustomerMessage(q, { via, to: identity.value, text, dedupeKey: `portal:sign-in:${id}` }, now);
    }
  });
  return { sent: true as const, via };
}

const refused = () => new AppError('INVALID_CREDENTIALS', 'The code or link is wrong or has expired; ask for a new one', { field: 'code' });

/**
 * POST /api/v1/portal/{slug}/sign-in/verify: the emailed link's token, or the address and the code sent
 * to it; a code takes at most 5 wrong tries, then a new one must be asked for. Opens a session.
 */
export async function verifySignIn(deps: Deps, slug: string, input: { email?: string; phone?: string; code?: string; token?: string }, who: { ip: string }) {
  const p = await portalBySlug(deps, slug);
  await checkRate(deps, p.tenantId, SIGN_IN_LIMITS.windowSeconds, [{ bucket: `portal-verify:ip:${who.ip}`, limit: SIGN_IN_LIMITS.verifyPerIp }], 'sign-in attempts');
  const now = deps.clock.now();
  const result = await deps.db.tenant(p.tenantId, async (q) => {
    let contactId: string | undefined;
    if (input.token) {
      const row = await signInRepository.liveCodeByHash(q, secretHash(p.tenantId, input.token), now);
      if (!row || row.via !== 'email') return null;
      await signInRepository.spend(q, row.id, now);
      contactId = row.contact_id;
    } else {
      if (!input.code) throw invalid('code', 'Enter the code we sent you', 'required');
      const { identity } = target(input);
      const owner = await contactIdOf(q, identity);
      const row = owner ? await signInRepository.liveCodeOf(q, owner, now) : undefined;
      if (!row) return null;
      if (row.secret_hash !== secretHash(p.tenantId, input.code)) {
        await signInRepository.countAttempt(q, row.id, row.attempts + 1 >= MAX_CODE_ATTEMPTS, now);
        return null;
      }
      await signInRepository.spend(q, row.id, now);
      contactId = row.contact_id;
    }
    const token = newToken();
    await signInRepository.insertSession(q, { id: uuidv7(now.getTime()), contactId, tokenHash: secretHash(p.tenantId, token), at: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) });
    return { token, name: (await contactNames(q, [contactId])).get(contactId) ?? '' };
  });
  if (!result) throw refused();
  return { ...result, slug: p.slug, maxAgeSeconds: SESSION_TTL_MS / 1000 };
}

/** Ends the session of this token. */
export async function signOut(deps: Deps, slug: string, token: string | undefined): Promise<void> {
  if (!token) return;
  const p = await portalBySlug(deps, slug);
  await deps.db.tenant(p.tenantId, (q) => signInRepository.deleteSession(q, secretHash(p.tenantId, token)));
}

export { RateLimited };
