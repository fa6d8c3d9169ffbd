import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyUsers } from '../../src/modules/notifications';
import { SECRETS, setup } from '../delivery/helpers';

// Per-user notification preferences and quiet hours (免打扰): notifications go out by email / SMS as
// the user chose per kind; during the quiet hours they are held until the end, urgent ones go at once.
describe('notification preferences and quiet hours', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup();
    await s.t.db.system((q) => q.query('UPDATE users SET phone = $2 WHERE id = $1', [s.admin, '13900139000']));
    const sms = await s.t.api(s.acme.adminToken, 'POST', '/api/v1/notification-channels', { kind: 'sms_gateway', name: '短信网关', config: { url: `${s.stand.url}/sms`, token: SECRETS.sms.token } });
    expect(sms.statusCode).toBe(201);
  }, 180_000);
  afterAll(() => s?.close());

  const prefs = (body?: unknown) => s.t.api(s.acme.adminToken, body ? 'PUT' : 'GET', '/api/v1/me/notification-preferences', body);
  const notify = (kind: string, data: Record<string, unknown>, urgent?: boolean) =>
    s.t.db.tenant(s.acme.id, (q) => notifyUsers(q, s.acme.id, [s.admin], { kind, ticketId: null, data, at: s.t.clock.now(), urgent }));
  const deliveries = () => s.t.db.system((q) => q.query<{ dedupe_key: string; target_kind: string; state: string; next_attempt_at: Date; request: any }>('SELECT * FROM deliveries ORDER BY created_at, dedupe_key'));

  it('defaults: in-app only, no quiet hours; a bad time zone or half a window is refused', async () => {
    expect((await prefs()).json()).toEqual({ channels: {}, quietStart: null, quietEnd: null, timeZone: 'Asia/Shanghai' });
    const tz = await prefs({ channels: {}, quietStart: null, quietEnd: null, timeZone: '火星/基地' });
    expect(tz.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'timeZone' });
    const half = await prefs({ channels: {}, quietStart: '22:00', quietEnd: null, timeZone: 'Asia/Shanghai' });
    expect(half.json().error.field).toBe('quietEnd');
    expect((await prefs({ channels: {}, quietStart: '25:00', quietEnd: '08:00', timeZone: 'Asia/Shanghai' })).statusCode).toBe(400);
  });

  it('a kind left out stays in-app; the kinds chosen go by email and SMS at once outside quiet hours', async () => {
    // the clock: 2026-03-02 09:00 in Shanghai
    const saved = await prefs({ channels: { assigned: ['email', 'sms'], mention: ['email'] }, quietStart: '12:00', quietEnd: '13:30', timeZone: 'Asia/Shanghai' });
    expect(saved.json()).toMatchObject({ channels: { assigned: ['email', 'sms'], mention: ['email'] }, quietStart: '12:00' });
    await notify('watcher_added', { number: 1001, title: '打印机卡纸' });
    const [n] = await notify('assigned', { number: 1002, title: '机房空调故障', by: '李工' });
    await s.pump();
    const rows = await deliveries();
    expect(rows.map((r) => [r.target_kind, r.state])).toEqual([['email', 'delivered'], ['sms', 'delivered']].sort());
    expect(s.mails).toHaveLength(1);
    expect(s.mails[0]).toMatchObject({ to: s.acme.adminEmail, subject: '【工单通知】工单已分配给你：#1002 机房空调故障' });
    expect(s.mails[0].text).toContain('操作人：李工');
    const sms = s.stand.received.filter((r) => r.path === '/sms').at(-1)!;
    expect(sms.json).toEqual({ to: '13900139000', text: '工单已分配给你：#1002 机房空调故障' });
    expect(n).toBe(s.admin);
  });

  it('during the quiet hours a normal notification waits until they end; an urgent one goes now', async () => {
    s.t.clock.advance(3.5 * 3_600_000); // 12:30 in Shanghai
    await s.t.db.system((q) => q.query('DELETE FROM deliveries'));
    s.mails.length = 0;
    await notify('mention', { number: 1003, title: '网络断开', excerpt: '@管理员 请看一下' });
    await notify('assigned', { number: 1004, title: '服务器宕机', priority: 'urgent' });
    await s.pump();
    const rows = await deliveries();
    const held = rows.find((r) => r.request.subject?.includes('#1003'))!;
    expect(held).toMatchObject({ state: 'pending', next_attempt_at: new Date('2026-03-02T05:30:00Z') }); // 13:30 local
    expect(rows.filter((r) => r.state === 'delivered').map((r) => r.target_kind).sort()).toEqual(['email', 'sms']); // the urgent one
    expect(s.mails.map((m) => m.subject)).toEqual(['【工单通知】工单已分配给你：#1004 服务器宕机']);
    s.t.clock.advance(60 * 60_000); // 13:30
    await s.delivery.sendOnce();
    expect(s.mails.map((m) => m.subject)).toContain('【工单通知】有人在工单中提到了你：#1003 网络断开');
  });

  it('an API key has no preferences', async () => {
    const key = await s.t.api(s.acme.adminToken, 'POST', '/api/v1/api-keys', { name: '集成密钥', role: 'admin' });
    expect(key.statusCode).toBe(201);
    const res = await s.t.api(key.json().key, 'GET', '/api/v1/me/notification-preferences');
    expect(res.statusCode).toBe(403);
  });
});
