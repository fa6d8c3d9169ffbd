// Sign-in throttling: slow password guessing without ever locking the right password out.
//
// Three failure counters, kept in the database (so two server processes on one PostgreSQL share them):
//   pair    (account, client address): the guesser we can name. Refuses.
//   address (client address, any account): one source spraying many accounts. Refuses.
//   account (account, any address): a distributed guesser. Only delays the answer, never refuses —
//           refusing here is what let anyone lock the administrator out.
// A counter over its free allowance makes the next attempt wait a doubling interval after the last
// one (1 s, 2 s, 4 s … up to 15 min) before it is even checked (429 with Retry-After). Counters leak
// one failure per leak interval, so an honest typo is forgotten and the steady rate a patient attacker
// gets is about one guess per leak interval. Every admitted attempt is counted as a failure when it is
// admitted, under a row lock, and a success takes it back: concurrent requests cannot all slip in
// before the first failure is written. A success from a pair clears that pair; it does not clear the
// address or the account (an attacker with one valid account could otherwise reset their own counts).
// The real user signing in from their own address shares only the account counter with an attacker
// elsewhere, so they get at most ACCOUNT_MAX_DELAY_MS of delay and then their answer.

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export type ThrottleKind = 'pair' | 'address' | 'account';

export interface ThrottleRule {
  /** Failures before any wait or delay. */
  free: number;
  /** One failure is forgotten per this much time. */
  leakMs: number;
}

export const THROTTLE: Record<ThrottleKind, ThrottleRule> = {
  pair: { free: 5, leakMs: 10 * MINUTE },
  address: { free: 20, leakMs: MINUTE },
  account: { free: 10, leakMs: MINUTE },
};
export const FIRST_WAIT_MS = SECOND;
export const MAX_WAIT_MS = 15 * MINUTE;
export const ACCOUNT_FIRST_DELAY_MS = 250;
export const ACCOUNT_MAX_DELAY_MS = 3 * SECOND;
/** Counters untouched this long have leaked to nothing under every rule; they may be deleted. */
export const FORGET_AFTER_MS = 24 * 60 * MINUTE;

export interface ThrottleCounter {
  kind: ThrottleKind;
  key: string;
  failures: number;
  lastAt: Date;
}

export type Admission =
  | { admitted: false; retryAt: Date }
  /** counters: the new values to store (this attempt counted as a failure); delayMs: wait before checking the password. */
  | { admitted: true; counters: ThrottleCounter[]; delayMs: number };

/** The failures a counter still holds at `now`, after leaking. */
export function remainingFailures(c: ThrottleCounter, now: Date): number {
  const leaked = Math.floor(Math.max(0, now.getTime() - c.lastAt.getTime()) / THROTTLE[c.kind].leakMs);
  return Math.max(0, c.failures - leaked);
}

const doubling = (failures: number, free: number, first: number, max: number) =>
  failures < free ? 0 : Math.min(max, first * 2 ** Math.min(failures - free, 30));

/** How long after the last attempt a pair or address with this many failures must wait. */
export const waitAfterMs = (kind: ThrottleKind, failures: number) => doubling(failures, THROTTLE[kind].free, FIRST_WAIT_MS, MAX_WAIT_MS);

/** How long an answer is held back for an account with this many failures (from any address). */
export const accountDelayMs = (failures: number) => doubling(failures, THROTTLE.account.free, ACCOUNT_FIRST_DELAY_MS, ACCOUNT_MAX_DELAY_MS);

/** Decides an attempt from the current counters of its pair, address and account. */
export function admit(counters: ThrottleCounter[], now: Date): Admission {
  let retryAt: Date | null = null;
  let delayMs = 0;
  for (const c of counters) {
    const failures = remainingFailures(c, now);
    if (c.kind === 'account') {
      delayMs = accountDelayMs(failures);
      continue;
    }
    const until = new Date(c.lastAt.getTime() + waitAfterMs(c.kind, failures));
    if (until > now && (!retryAt || until > retryAt)) retryAt = until;
  }
  if (retryAt) return { admitted: false, retryAt };
  return { admitted: true, delayMs, counters: counters.map((c) => ({ ...c, failures: remainingFailures(c, now) + 1, lastAt: now })) };
}

/**
 * The address counted: an IPv4 address as it is, an IPv6 address by its /64 network (one subscriber
 * or host usually holds a whole /64, so counting single addresses would give an attacker 2^64 of them).
 */
export function addressKey(ip: string): string {
  const bare = ip.replace(/%.*$/, '').toLowerCase();
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (v4) return v4[1];
  if (!bare.includes(':')) return bare;
  const [head, tail = ''] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = bare.includes('::') && tail ? tail.split(':') : [];
  const groups = bare.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (g === '' ? '0' : g.replace(/^0+(?=.)/, '')))
    .join(':')}::/64`;
}

/** The three counters an attempt for this email from this address is counted on. */
export function throttleKeys(email: string, ip: string): { kind: ThrottleKind; key: string }[] {
  const address = addressKey(ip);
  return [
    { kind: 'account', key: email },
    { kind: 'address', key: address },
    { kind: 'pair', key: `${email} ${address}` },
  ];
}
