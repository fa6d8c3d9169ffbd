import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/modules/delivery/mail-transport';
import { notifyUsers } from '../../src/modules/notifications';
import { startStandInRelay, type StandInRelay } from '../intake/email/mail-support';
import { freePort } from '../support/intake-app';
import { setup } from './helpers';

// Notification mail sent for real: nodemailer (the delivery module's SMTP transport) talks SMTP to an
// smtp-server on 127.0.0.1 standing in for the relay (SMTP_RELAY_URL). What arrives is parsed as a mail
// client would; a refusal (5xx) or a relay that is down is retried with backoff in simulated time and
// ends in the dead letters after DELIVERY_MAX_ATTEMPTS (4 here).
const FROM = '华东客服中心 <support@kehu-fuwu.cn>';
const SECOND = 1000;

describe('notification mail over SMTP', () => {
  let relay: StandInRelay;
  let refusing = false;
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    relay = await startStandInRelay({ reject: () => refusing });
    s = await setup({ mail: { relayUrl: relay.url, from: FROM }, timeoutMs: 3000 });
    const prefs = await s.t.api(s.acme.adminToken, 'PUT', '/api/v1/me/notification-preferences', { channels: { sla_warning: ['email'] }, quietStart: null, quietEnd: null, timeZone: 'Asia/Shanghai' });
    expect(prefs.statusCode, prefs.body).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await s?.close();
    await relay?.close();
  });

  let seq = 122;
  const warn = async (title: string) => {
    const number = ++seq;
    await s.t.db.tenant(s.acme.id, (q) =>
      notifyUsers(q, s.acme.id, [s.admin], { kind: 'sla_warning', ticketId: null, data: { number, title, text: `工单 #${number} 即将超时，剩余 30 分钟，请尽快处理。` }, at: s.t.clock.now() }),
    );
    return { number };
  };
  const mailDelivery = async (number: number) =>
    (
      await s.t.db.system((q) =>
        q.query<{ id: string; state: string; attempts: number; next_attempt_at: Date; last_status: number | null; last_error: string | null; delivered_at: Date | null }>(
          `SELECT id, state, attempts, next_attempt_at, last_status, last_error, delivered_at FROM deliveries WHERE target_kind = 'email' AND request->>'subject' LIKE $1`,
          [`%#${number} %`],
        ),
      )
    )[0];
  const advance = (ms: number) => s.t.clock.advance(ms);
  /** Pumps until the mail's first attempt is made: on PostgreSQL another file's open transaction can hold the notification's outbox message back past one drain. */
  const firstAttempt = (number: number) =>
    expect
      .poll(async () => {
        await s.pump();
        return (await mailDelivery(number))?.attempts ?? 0;
      }, { timeout: 10_000, interval: 50 })
      .toBeGreaterThan(0);

  it('arrives with its From, To, and a Chinese subject and body in UTF-8; the delivery is marked delivered', async () => {
    const { number } = await warn('机房空调故障');
    await firstAttempt(number);
    expect(relay.received).toHaveLength(1);
    const [got] = relay.received;
    expect(got.envelope).toEqual({ from: 'support@kehu-fuwu.cn', to: [s.acme.adminEmail] });
    expect(got.mail.from?.value).toEqual([{ address: 'support@kehu-fuwu.cn', name: '华东客服中心' }]);
    expect(got.mail.to && !Array.isArray(got.mail.to) && got.mail.to.value.map((a) => a.address)).toEqual([s.acme.adminEmail]);
    expect(got.mail.subject).toBe(`【工单通知】SLA 预警：#${number} 机房空调故障`);
    expect(got.mail.text).toBe(`SLA 预警\n工单：#${number} 机房空调故障\n工单 #${number} 即将超时，剩余 30 分钟，请尽快处理。\n`);
    // on the wire: 7-bit headers with the subject as a UTF-8 encoded word, the body declared UTF-8
    const raw = got.raw.toString('latin1');
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(head).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(head).toMatch(/^Content-Type: text\/plain; charset=utf-8/im);
    expect(/[^\x00-\x7f]/.test(head)).toBe(false);
    const d = await mailDelivery(number);
    expect(got.mail.headers.get('x-gongdan-delivery')).toBe(d.id);
    expect(d).toMatchObject({ state: 'delivered', attempts: 1, last_error: null });
    expect(d.delivered_at?.toISOString()).toBe(s.t.clock.now().toISOString());
  });

  it('refused with 550: retried after 1 s, 2 s (backoff), delivered once the relay takes it again', async () => {
    refusing = true;
    const before = relay.received.length;
    const { number } = await warn('打印机卡纸');
    await firstAttempt(number);
    let d = await mailDelivery(number);
    expect(d).toMatchObject({ state: 'pending', attempts: 1, last_status: 550 });
    expect(d.last_error).toContain('mailbox unavailable');
    expect(d.next_attempt_at.getTime() - s.t.clock.now().getTime()).toBe(1 * SECOND);
    await s.pump(); // not due yet: nothing is sent
    expect((await mailDelivery(number)).attempts).toBe(1);
    advance(1 * SECOND);
    await s.pump();
    d = await mailDelivery(number);
    expect(d).toMatchObject({ state: 'pending', attempts: 2, last_status: 550 });
    expect(d.next_attempt_at.getTime() - s.t.clock.now().getTime()).toBe(2 * SECOND);
    refusing = false;
    advance(2 * SECOND);
    await s.pump();
    expect(await mailDelivery(number)).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(relay.received.slice(before).map((r) => r.mail.subject)).toEqual([`【工单通知】SLA 预警：#${number} 打印机卡纸`]);
  });

  /** Pumps through every attempt: the waits between them, then the dead letter. */
  async function untilDead(number: number) {
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      await (attempt === 1 ? firstAttempt(number) : s.pump());
      const d = await mailDelivery(number);
      expect(d.attempts).toBe(attempt);
      if (d.state === 'dead') break;
      waits.push(d.next_attempt_at.getTime() - s.t.clock.now().getTime());
      advance(d.next_attempt_at.getTime() - s.t.clock.now().getTime());
    }
    return { waits, d: await mailDelivery(number) };
  }

  it('refused every time: 1 s, 2 s, 4 s between attempts, dead after the 4th, in the dead letters', async () => {
    refusing = true;
    const { number } = await warn('网络中断');
    const { waits, d } = await untilDead(number);
    refusing = false;
    expect(waits).toEqual([1 * SECOND, 2 * SECOND, 4 * SECOND]);
    expect(d).toMatchObject({ state: 'dead', attempts: 4, last_status: 550 });
    const dead = await s.t.api(s.acme.adminToken, 'GET', '/api/v1/deliveries?state=dead');
    expect(dead.json().items.find((i: { id: string }) => i.id === d.id)?.lastError).toContain('550');
  });

  it('the relay down: connection refused on every attempt, dead after the 4th', async () => {
    await relay.close();
    const { number } = await warn('服务器宕机');
    const { waits, d } = await untilDead(number);
    expect(waits).toEqual([1 * SECOND, 2 * SECOND, 4 * SECOND]);
    expect(d).toMatchObject({ state: 'dead', attempts: 4 });
    expect(d.last_error).toMatch(/ECONNREFUSED/);
  });
});

describe('a relay that never answers', () => {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => void sockets.push(socket)); // accepts, never greets
  afterAll(async () => {
    for (const sk of sockets) sk.destroy();
    await new Promise((r) => silent.close(r));
  });

  it('an attempt gives up after DELIVERY_TIMEOUT_MS, not after the 30 s greeting wait of nodemailer (the claim would run out first)', async () => {
    const port = await freePort();
    await new Promise<void>((r) => silent.listen(port, '127.0.0.1', () => r()));
    const send = smtpMailer(() => ({ relayUrl: `smtp://127.0.0.1:${port}`, from: FROM }), { timeoutMs: 800 });
    const started = Date.now();
    await expect(send({ to: 'zhangsan@kehu.cn', subject: '工单 #123 即将超时', text: '请尽快处理' }, 'd-1')).rejects.toThrow(/greeting|timeout/i);
    expect(Date.now() - started).toBeLessThan(5000);
    send.close();
  }, 20_000);
});
