import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// Sign-in throttling in simulated time: the test clock moves only when the code waits (clock.sleep)
// or the test advances it.
describe('sign-in throttling', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp({ clock: true });
    acme = await t.tenant('节流测试');
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, address: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: address,
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ email, password }),
    });
  const statuses = async (n: number, attempt: (i: number) => ReturnType<typeof login>) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await attempt(i)).statusCode);
    return out;
  };

  it("does not lock the right password out from another address, whatever a guesser does", async () => {
    const guesser = '198.51.100.7';
    const guesses = await statuses(12, (i) => login(acme.adminEmail, `Wrong-${i}-猜测`, guesser));
    expect(guesses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
    // the guesser's own address waits, even with the right password
    const refused = await login(acme.adminEmail, PASSWORD, guesser);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.json().error.message).toMatch(/try again in 1 s \(after 2026-03-02T\d\d:\d\d:\d\d/);
    // the administrator at their own desk signs in at once
    const owner = await login(acme.adminEmail.toUpperCase(), PASSWORD, '203.0.113.20');
    expect(owner.statusCode, owner.body).toBe(200);
  });

  it('makes an (account, address) pair wait a doubling interval, up to 15 minutes', async () => {
    const email = 'guess@example.com';
    const here = '198.51.100.8';
    expect(await statuses(5, (i) => login(email, `Wrong-${i}-猜测`, here))).toEqual(Array(5).fill(401));
    const waits: string[] = [];
    for (let i = 0; i < 14; i++) {
      const refused = await login(email, 'Wrong-猜测', here);
      expect(refused.statusCode).toBe(429);
      waits.push(refused.headers['retry-after'] as string);
      t.clock.advance(Number(refused.headers['retry-after']) * 1000);
      expect((await login(email, 'Wrong-猜测', here)).statusCode).toBe(401);
    }
    expect(waits.slice(0, 4)).toEqual(['1', '2', '4', '8']);
    expect(waits.at(-1)).toBe('900');
  });

  it('forgets old failures: an honest typo a day ago costs nothing today', async () => {
    const email = 'typo@example.com';
    const here = '198.51.100.9';
    await statuses(5, () => login(email, 'Wrong-猜测', here));
    expect((await login(email, 'Wrong-猜测', here)).statusCode).toBe(429);
    t.clock.advance(24 * 3600_000);
    expect(await statuses(5, () => login(email, 'Wrong-猜测', here))).toEqual(Array(5).fill(401));
  });

  it('limits one address across accounts', async () => {
    const sprayer = '198.51.100.10';
    expect(await statuses(20, (i) => login(`spray${i}@example.com`, 'Wrong-猜测', sprayer))).toEqual(Array(20).fill(401));
    const next = await login('spray-next@example.com', 'Wrong-猜测', sprayer);
    expect(next.statusCode).toBe(429);
    expect(next.headers['retry-after']).toBe('1');
    // the same account from elsewhere is still checked
    expect((await login('spray-next@example.com', 'Wrong-猜测', '198.51.100.11')).statusCode).toBe(401);
  });

  it('counts the connecting address, not an X-Forwarded-For header the client sets', async () => {
    const res = await statuses(6, (i) => login('forwarded@example.com', 'Wrong-猜测', '198.51.100.12', { 'x-forwarded-for': `10.9.8.${i}` }));
    expect(res).toEqual([...Array(5).fill(401), 429]);
  });

  it('counts IPv6 clients by their /64 network', async () => {
    const res = await statuses(6, (i) => login('v6@example.com', 'Wrong-猜测', `2001:db8:aa:bb::${i + 1}`));
    expect(res).toEqual([...Array(5).fill(401), 429]);
  });

  it('only delays answers for an account guessed from many addresses, never refuses the right password', async () => {
    const target = await t.tenant('分布式猜测');
    const guesses = await statuses(30, (i) => login(target.adminEmail, `Wrong-${i}-猜测`, `10.1.0.${i + 1}`));
    expect(guesses).toEqual(Array(30).fill(401));
    const before = t.clock.now().getTime();
    const owner = await login(target.adminEmail, PASSWORD, '203.0.113.21');
    expect(owner.statusCode, owner.body).toBe(200);
    // the answer was held back by the account's delay, which is bounded
    expect(t.clock.now().getTime() - before).toBe(3000);
  });

  it('clears the pair when the password is right', async () => {
    const target = await t.tenant('成功清零');
    const here = '198.51.100.13';
    expect(await statuses(4, () => login(target.adminEmail, 'Wrong-猜测', here))).toEqual(Array(4).fill(401));
    expect((await login(target.adminEmail, PASSWORD, here)).statusCode).toBe(200);
    expect(await statuses(6, () => login(target.adminEmail, 'Wrong-猜测', here))).toEqual([...Array(5).fill(401), 429]);
  });

  it('counts concurrent guesses before checking them, so a burst cannot slip past the limit', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => login('burst@example.com', `Wrong-${i}-猜测`, '198.51.100.14')));
    const codes = burst.map((r) => r.statusCode).sort();
    expect(codes).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });
});
