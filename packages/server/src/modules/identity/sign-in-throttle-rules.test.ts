import { describe, expect, it } from 'vitest';
import { accountDelayMs, addressKey, admit, MAX_WAIT_MS, THROTTLE, waitAfterMs, type ThrottleCounter } from './sign-in-throttle-rules';

const t0 = new Date('2026-03-02T01:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const counter = (kind: ThrottleCounter['kind'], failures: number, lastAt = t0): ThrottleCounter => ({ kind, key: kind, failures, lastAt });

describe('sign-in throttle rules', () => {
  it('lets a pair make its free attempts, then doubles the wait from 1 s up to 15 minutes', () => {
    const free = THROTTLE.pair.free;
    expect(waitAfterMs('pair', free - 1)).toBe(0);
    expect([free, free + 1, free + 2].map((n) => waitAfterMs('pair', n))).toEqual([1000, 2000, 4000]);
    expect(waitAfterMs('pair', free + 40)).toBe(MAX_WAIT_MS);
  });

  it('refuses an attempt of a pair or address inside its wait and says until when', () => {
    const pair = counter('pair', THROTTLE.pair.free + 2);
    expect(admit([pair, counter('address', 0), counter('account', 0)], at(1000))).toEqual({ admitted: false, retryAt: at(4000) });
    const address = counter('address', THROTTLE.address.free);
    expect(admit([counter('pair', 0), address, counter('account', 0)], at(500))).toEqual({ admitted: false, retryAt: at(1000) });
    expect(admit([pair, address], at(4000)).admitted).toBe(true);
  });

  it('never refuses for the account counter, only delays, and boundedly', () => {
    const res = admit([counter('pair', 0), counter('address', 0), counter('account', 10_000)], at(1));
    expect(res).toMatchObject({ admitted: true, delayMs: 3000 });
    expect(accountDelayMs(THROTTLE.account.free - 1)).toBe(0);
    expect(accountDelayMs(THROTTLE.account.free)).toBe(250);
  });

  it('counts an admitted attempt as a failure on every counter and forgets failures as they leak', () => {
    const res = admit([counter('pair', 3), counter('address', 7), counter('account', 2)], at(THROTTLE.address.leakMs * 2));
    expect(res.admitted && res.counters.map((c) => [c.kind, c.failures])).toEqual([
      ['pair', 4],
      ['address', 6],
      ['account', 1],
    ]);
    // a day later everything has leaked away
    const later = admit([counter('pair', 20), counter('address', 50), counter('account', 30)], at(24 * 3600_000));
    expect(later.admitted && later.counters.map((c) => c.failures)).toEqual([1, 1, 1]);
  });

  it('counts IPv4 addresses as they are and IPv6 addresses by their /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
