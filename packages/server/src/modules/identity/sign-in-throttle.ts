import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { loginThrottleRepository } from './login-throttle-repository';
import { admit, FORGET_AFTER_MS, throttleKeys, type ThrottleKind } from './sign-in-throttle-rules';

/** A sign-in refused before its password was checked: 429 with Retry-After. */
export class SignInThrottled extends AppError {
  constructor(retryAfterSeconds: number, retryAt: Date) {
    super('RATE_LIMITED', `Too many failed sign-ins from this address or for this account; try again in ${retryAfterSeconds} s (after ${retryAt.toISOString()})`, { retryAfterSeconds });
  }
}

export interface SignInTicket {
  keys: { kind: ThrottleKind; key: string }[];
}

/**
 * Admits a sign-in attempt for this email from this client address (rules: sign-in-throttle-rules.ts),
 * counting it as a failure until `signInSucceeded` takes it back, and holds it back by the account's
 * delay; or refuses it with SignInThrottled.
 */
export async function admitSignIn(deps: Deps, email: string, address: string): Promise<SignInTicket> {
  const now = deps.clock.now();
  const keys = throttleKeys(email, address);
  const decision = await deps.db.system(async (q) => {
    const d = admit(await loginThrottleRepository.lock(q, keys, now), now);
    if (d.admitted) await loginThrottleRepository.save(q, d.counters);
    return d;
  });
  if (!decision.admitted) {
    const seconds = Math.max(1, Math.ceil((decision.retryAt.getTime() - now.getTime()) / 1000));
    throw new SignInThrottled(seconds, decision.retryAt);
  }
  if (decision.delayMs) await deps.clock.sleep(decision.delayMs);
  return { keys };
}

/** The password was right: the pair starts afresh, the address and account get this attempt back. */
export async function signInSucceeded(deps: Deps, ticket: SignInTicket): Promise<void> {
  const pair = ticket.keys.find((k) => k.kind === 'pair')!;
  await deps.db.system(async (q) => {
    await loginThrottleRepository.remove(q, pair);
    await loginThrottleRepository.takeBack(q, ticket.keys.filter((k) => k !== pair));
    await loginThrottleRepository.purge(q, new Date(deps.clock.now().getTime() - FORGET_AFTER_MS));
  });
}
