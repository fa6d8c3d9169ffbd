import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCustomerMessage } from '../../src/modules/tickets';
import { PASSWORD } from '../support/test-app';
import { satisfactionWorld } from './helpers';

// 回访 / 满意度: a survey per resolution, its link in the mail to the requester, the public rating page's
// endpoints, low scores told to the supervisors, bare scores in chat answering the same survey, the report.
describe('satisfaction surveys', () => {
  let w: Awaited<ReturnType<typeof satisfactionWorld>>;
  let supervisorId: string;
  let adminId: string;
  beforeAll(async () => {
    w = await satisfactionWorld();
    const team = (await w.t.api(w.acme.adminToken, 'POST', '/api/v1/teams', { name: '售后一组' })).json();
    const sup = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/users', { email: 'zhuguan@kefu.cn', name: '王主管', password: PASSWORD, role: 'supervisor', teamIds: [team.id] });
    expect(sup.statusCode, sup.body).toBe(201);
    supervisorId = sup.json().id;
    adminId = (await w.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [w.acme.adminEmail]))[0].id;
  });
  afterAll(() => w?.close());

  const notificationsOf = (userId: string) => w.sql<{ kind: string; data: any }>(`SELECT kind, data FROM notifications WHERE user_id = $1 AND kind = 'csat_low'`, [userId]);

  it('mails the rating link once when a ticket is resolved, and takes one answer', async () => {
    const t = await w.ticket('打印机卡纸');
    await w.resolve(t.id);
    await w.pump();
    await w.pump(); // a second round changes nothing
    const mails = w.mails.filter((m) => m.subject.includes(`#${t.number}`));
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe('zhangsan@kehu.cn');
    expect(mails[0].text).toContain('张三您好');
    const token = w.tokenOf(mails[0]);
    expect(token.length).toBeGreaterThanOrEqual(75);
    const [row] = await w.sql(`SELECT token_hash, sent_via FROM csat_surveys WHERE ticket_id = $1`, [t.id]);
    expect(row.token_hash).not.toContain(token.slice(32)); // only the hash is stored
    expect(row.sent_via).toEqual(['email']);

    const shown = await w.t.api(null, 'GET', `/api/v1/public/csat/${token}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ ticketNumber: t.number, ticketTitle: '打印机卡纸', answered: false, expired: false, npsAsked: false, answer: null });

    const answered = await w.t.api(null, 'POST', `/api/v1/public/csat/${token}`, { score: 5, comment: '师傅上门很快，态度很好' });
    expect(answered.statusCode, answered.body).toBe(200);
    const events = (await w.events(t.id)).filter((e) => e.kind === 'csat.received');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_type: 'contact', actor_name: '张三', data: { score: 5, comment: '师傅上门很快，态度很好', nps: null, via: 'survey', surveyId: answered.json().surveyId } });

    const again = await w.t.api(null, 'POST', `/api/v1/public/csat/${token}`, { score: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CSAT_ALREADY_ANSWERED');
    expect((await w.t.api(null, 'GET', `/api/v1/public/csat/${token}`)).json()).toMatchObject({ answered: true, answer: { score: 5, via: 'survey' } });
  });

  it('answers a wrong, altered or malformed token with the same 404, and refuses what a survey does not ask', async () => {
    const t = await w.ticket('无法登录邮箱');
    await w.resolve(t.id);
    await w.pump();
    const token = w.tokenOf(w.mails.find((m) => m.subject.includes(`#${t.number}`))!);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [altered, `${'0'.repeat(32)}${token.slice(32)}`, '不存在的链接', 'x'.repeat(75)]) {
      const res = await w.t.api(null, 'GET', `/api/v1/public/csat/${encodeURIComponent(bad)}`);
      expect(res.statusCode, bad).toBe(404);
      expect(res.json().error.message).toBe('This rating link is not valid; open the link from your message again');
    }
    expect((await w.t.api(null, 'POST', `/api/v1/public/csat/${token}`, { score: 6 })).statusCode).toBe(400);
    expect((await w.t.api(null, 'POST', `/api/v1/public/csat/${token}`, { score: 4, comment: '慢'.repeat(2001) })).statusCode).toBe(400);
    const nps = await w.t.api(null, 'POST', `/api/v1/public/csat/${token}`, { score: 4, nps: 9 });
    expect(nps.statusCode).toBe(400);
    expect(nps.json().error.field).toBe('nps');
  });

  it('tells the team supervisor and the admins about a low score', async () => {
    const t = await w.ticket('退款一直没到账', { name: '李四', email: 'lisi@kehu.cn' });
    const team = (await w.sql<{ id: string }>(`SELECT id FROM teams WHERE name = '售后一组'`))[0].id;
    expect((await w.t.api(w.acme.adminToken, 'PATCH', `/api/v1/tickets/${t.id}`, { teamId: team })).statusCode).toBe(200);
    await w.resolve(t.id);
    await w.pump();
    const token = w.tokenOf(w.mails.find((m) => m.subject.includes(`#${t.number}`))!);
    const res = await w.t.api(null, 'POST', `/api/v1/public/csat/${token}`, { score: 2, comment: '等了三天才处理' });
    expect(res.statusCode, res.body).toBe(200);
    for (const id of [supervisorId, adminId]) {
      const n = await notificationsOf(id);
      expect(n.map((x) => x.data.number)).toContain(t.number);
      expect(n.find((x) => x.data.number === t.number)?.data.text).toContain('等了三天才处理');
    }
  });

  it('takes a bare score in chat as the answer of the open survey (low scores told once)', async () => {
    const t = await w.ticket('企业微信收不到消息', { name: '赵六', email: 'zhaoliu@kehu.cn' });
    await w.resolve(t.id);
    await w.pump();
    const token = w.tokenOf(w.mails.find((m) => m.subject.includes(`#${t.number}`))!);
    const [contact] = await w.sql<{ requester_id: string }>('SELECT requester_id FROM tickets WHERE id = $1', [t.id]);
    const before = (await notificationsOf(adminId)).length;
    await w.t.db.tenant(w.acme.id, (q) => recordCustomerMessage(q, w.t.deps, w.acme.id, { ticketId: t.id, contact: { id: contact.requester_id, name: '赵六' }, channel: 'wecom', bodyHtml: '<p>一星</p>', files: [], inboundId: '01900000-0000-7000-8000-000000000001' }));
    await w.pump();
    await w.pump();
    expect((await w.t.api(null, 'GET', `/api/v1/public/csat/${token}`)).json()).toMatchObject({ answered: true, answer: { score: 1, via: 'wecom' } });
    expect((await w.t.api(null, 'POST', `/api/v1/public/csat/${token}`, { score: 5 })).json().error.code).toBe('CSAT_ALREADY_ANSWERED');
    expect((await notificationsOf(adminId)).length).toBe(before + 1);
  });

  it('sends a new survey after a reopen and a second resolution; none when surveys are off', async () => {
    const t = await w.ticket('投影仪没有声音', { name: '钱七', email: 'qianqi@kehu.cn' });
    await w.resolve(t.id);
    await w.pump();
    expect((await w.t.api(w.acme.adminToken, 'PATCH', `/api/v1/tickets/${t.id}`, { status: 'open' })).statusCode).toBe(200);
    await w.resolve(t.id);
    await w.pump();
    expect(w.mails.filter((m) => m.subject.includes(`#${t.number}`))).toHaveLength(2);
    const off = await w.t.api(w.acme.adminToken, 'PUT', '/api/v1/csat/settings', { enabled: false, npsEnabled: false, lowScoreThreshold: 2, expiryDays: 30 });
    expect(off.statusCode, off.body).toBe(200);
    const u = await w.ticket('显示器闪屏', { name: '孙八', email: 'sunba@kehu.cn' });
    await w.resolve(u.id);
    await w.pump();
    expect(w.mails.filter((m) => m.subject.includes(`#${u.number}`))).toHaveLength(0);
  });

  it('asks NPS when turned on, and lets a survey expire', async () => {
    const put = await w.t.api(w.acme.adminToken, 'PUT', '/api/v1/csat/settings', { enabled: true, npsEnabled: true, lowScoreThreshold: 1, expiryDays: 7 });
    expect(put.json()).toMatchObject({ enabled: true, npsEnabled: true, lowScoreThreshold: 1, expiryDays: 7 });
    expect((await w.t.api(w.acme.adminToken, 'GET', '/api/v1/csat/settings')).json()).toMatchObject({ npsEnabled: true, expiryDays: 7 });
    const bad = await w.t.api(w.acme.adminToken, 'PUT', '/api/v1/csat/settings', { enabled: true, npsEnabled: true, lowScoreThreshold: 9, expiryDays: 7 });
    expect(bad.statusCode).toBe(400);
    const t = await w.ticket('路由器掉线', { name: '周九', email: 'zhoujiu@kehu.cn' });
    await w.resolve(t.id);
    await w.pump();
    const token = w.tokenOf(w.mails.find((m) => m.subject.includes(`#${t.number}`))!);
    expect((await w.t.api(null, 'GET', `/api/v1/public/csat/${token}`)).json().npsAsked).toBe(true);
    const res = await w.t.api(null, 'POST', `/api/v1/public/csat/${token}`, { score: 4, nps: 10, comment: '' });
    expect(res.json()).toMatchObject({ score: 4, nps: 10, comment: null });

    const u = await w.ticket('网线接口松动', { name: '吴十', email: 'wushi@kehu.cn' });
    await w.resolve(u.id);
    await w.pump();
    const late = w.tokenOf(w.mails.find((m) => m.subject.includes(`#${u.number}`))!);
    w.t.clock.advance(7 * 86_400_000);
    expect((await w.t.api(null, 'GET', `/api/v1/public/csat/${late}`)).json().expired).toBe(true);
    const gone = await w.t.api(null, 'POST', `/api/v1/public/csat/${late}`, { score: 3 });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.code).toBe('CSAT_EXPIRED');
  });

  it('reports survey answers and chat scores by team, agent and category, with NPS and the response rate', async () => {
    w.acme.adminToken = await w.t.login(w.acme.adminEmail, PASSWORD); // a week of simulated time ended the session
    const res = await w.t.api(w.acme.adminToken, 'GET', `/api/v1/csat/report?from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    // answers: 5 (survey), 2 (survey), 1 (wecom), 4 + NPS 10 (survey)
    expect(r).toMatchObject({ count: 4, average: 3, distribution: [1, 1, 0, 1, 1], satisfiedPercent: 50, byVia: { survey: 3, wecom: 1 } });
    expect(r.nps).toEqual({ answers: 1, promoters: 1, passives: 0, detractors: 0, score: 100 });
    expect(r.surveys).toEqual({ sent: 8, answered: 4, responseRate: 50 });
    expect(r.byTeam.find((g: any) => g.name === '售后一组')).toMatchObject({ count: 1, average: 2 });
    expect(r.byCategory.find((g: any) => g.name === '打印机')).toMatchObject({ count: 4 });
    expect(r.byAgent.reduce((n: number, g: any) => n + g.count, 0)).toBe(4);
    const agent = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/users', { email: 'kefu@kefu.cn', name: '小陈', password: PASSWORD, role: 'agent' });
    const token = await w.t.login('kefu@kefu.cn', PASSWORD, w.acme.slug);
    expect(agent.statusCode).toBe(201);
    expect((await w.t.api(token, 'GET', '/api/v1/csat/report')).statusCode).toBe(403);
    expect((await w.t.api(token, 'GET', '/api/v1/csat/settings')).statusCode).toBe(403);
    expect((await w.t.api(w.acme.adminToken, 'GET', '/api/v1/csat/report?from=2026-03-05&to=2026-03-01')).statusCode).toBe(400);
  });

  it('limits look-ups per address: 429 with Retry-After once over the limit, for right and wrong tokens alike', async () => {
    w.t.clock.advance(3_600_000); // a fresh window
    const t = await w.ticket('门禁卡失效', { name: '郑一', email: 'zhengyi@kehu.cn' });
    await w.resolve(t.id);
    await w.pump();
    const token = w.tokenOf(w.mails.find((m) => m.subject.includes(`#${t.number}`))!);
    const wrong = `${token.slice(0, 32)}${'A'.repeat(43)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await w.t.api(null, 'GET', `/api/v1/public/csat/${i % 2 ? wrong : token}`)).statusCode);
    expect(statuses.slice(0, 60).filter((s) => s === 429)).toEqual([]);
    const over = await w.t.api(null, 'GET', `/api/v1/public/csat/${token}`);
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });
});
