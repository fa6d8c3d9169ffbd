import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/platform/db/database';
import { anyOfTsQuery } from '../../src/platform/text/segment';
import {
  creationEventData,
  labelledTickets,
  openTicketsSharingWords,
  readTicket,
  solvedTicketsSharingWords,
  ticketCountsSince,
} from '../../src/modules/tickets';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The read functions the tickets module exports for other modules (the intelligence module learns
// from them and looks for repeats among them): what each returns, in its order, within its tenant.

describe('ticket text read functions', () => {
  let t: TestApp;
  let acme: TestTenant;
  let other: TestTenant;
  const ids: Record<string, string> = {};
  const times: Record<string, Date> = {};
  let categoryId: string;
  let teamId: string;
  let wangId: string;
  const read = <T>(fn: (q: Queryable) => Promise<T>) => t.db.tenant(acme.id, fn);
  const printer = anyOfTsQuery(['打印机']);

  beforeAll(async () => {
    t = await startTestApp({ clock: true });
    acme = await t.tenant('工单读取');
    other = await t.tenant('别家');
    categoryId = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '打印机' })).json().id;
    teamId = (await t.api(acme.adminToken, 'POST', '/api/v1/teams', { name: '桌面支持组' })).json().id;
    const assigneeId = (await t.api(acme.adminToken, 'GET', '/api/v1/auth/me')).json().id;
    const create = async (key: string, body: Record<string, unknown>, token = acme.adminToken) => {
      t.clock.advance(60_000);
      times[key] = t.clock.now();
      const res = await t.api(token, 'POST', '/api/v1/tickets', { requester: { name: '王芳', email: 'wangfang@example.cn' }, ...body });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
      return res.json();
    };
    wangId = (await create('first', { title: '三楼打印机卡纸', description: '财务部的打印机卡纸了', categoryId, teamId, priority: 'high' })).requesterId;
    await create('sub', { title: '打印机换硒鼓', description: '子任务', parentId: ids.first });
    await create('solved', { title: '打印机不出纸', description: '上周的打印机问题', requester: { name: '李雷', email: 'lilei@example.cn' } });
    const resolved = await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${ids.solved}`, { status: 'resolved', resolution: '已更换进纸器', categoryId, assigneeId });
    expect(resolved.statusCode, resolved.body).toBe(200);
    await create('again', { title: '打印机又卡纸了', description: '还是三楼那台打印机' });
    await create('colleague', { title: '二楼打印机卡纸', description: '打印机也卡纸', requester: { name: '韩梅梅', email: 'hanmeimei@example.cn' } });
    await create('unrelated', { title: '邮箱登录不上', description: '密码错误' });
    await create('elsewhere', { title: '打印机卡纸', description: '别的租户的打印机' }, other.adminToken);
  });
  afterAll(() => t.close());

  it('labelledTickets: the newest top-level tickets with their labels, newest first, within the limit', async () => {
    const rows = await read((q) => labelledTickets(q, 20));
    expect(rows.map((r) => r.id)).toEqual([ids.unrelated, ids.colleague, ids.again, ids.solved, ids.first]);
    expect(rows.at(-1)).toEqual({
      id: ids.first, title: '三楼打印机卡纸', description: '财务部的打印机卡纸了', category_id: categoryId, team_id: teamId, priority: 'high', created_at: times.first,
    });
    expect((await read((q) => labelledTickets(q, 2))).map((r) => r.id)).toEqual([ids.unrelated, ids.colleague]);
  });

  it('ticketCountsSince: all tickets, and those created after a time', async () => {
    expect(await read((q) => ticketCountsSince(q, null))).toEqual({ tickets: 6, newTickets: 0 });
    expect(await read((q) => ticketCountsSince(q, times.solved))).toEqual({ tickets: 6, newTickets: 3 });
  });

  it('openTicketsSharingWords: open tickets holding a word, and the requester\'s own open tickets', async () => {
    const since = new Date(times.first.getTime() - 86_400_000);
    const rows = await read((q) => openTicketsSharingWords(q, ids.first, wangId, since, printer, 100));
    // the sub-task holds the word and is open; the solved one and the ticket itself are left out;
    // "unrelated" comes as the requester's own; the other tenant's ticket is never seen
    expect(rows.map((r) => r.id).sort()).toEqual([ids.sub, ids.again, ids.colleague, ids.unrelated].sort());
    expect(rows.find((r) => r.id === ids.again)).toMatchObject({ title: '打印机又卡纸了', description: '还是三楼那台打印机', status: 'new', requester_id: wangId, created_at: times.again });
    // another requester, no words: nothing; a window after all of them: only the requester's own
    expect(await read((q) => openTicketsSharingWords(q, ids.first, null, since, '', 100))).toEqual([]);
    const later = await read((q) => openTicketsSharingWords(q, ids.first, wangId, new Date(times.unrelated.getTime() + 1), printer, 100));
    expect(later.map((r) => r.id).sort()).toEqual([ids.sub, ids.again, ids.unrelated].sort());
  });

  it('solvedTicketsSharingWords: solved tickets holding a word, newest first', async () => {
    const since = new Date(times.first.getTime() - 86_400_000);
    for (const fewMatches of [false, true]) {
      const rows = await read((q) => solvedTicketsSharingWords(q, ids.first, since, printer, 100, fewMatches));
      expect(rows.map((r) => r.id)).toEqual([ids.solved]);
      expect(rows[0]).toMatchObject({ status: 'resolved', title: '打印机不出纸' });
    }
    expect(await read((q) => solvedTicketsSharingWords(q, ids.first, since, '', 100))).toEqual([]);
    expect(await read((q) => solvedTicketsSharingWords(q, ids.solved, since, printer, 100))).toEqual([]);
  });

  it('creationEventData and readTicket: what the creation recorded, the stored row; nothing of another tenant', async () => {
    const data = await read((q) => creationEventData(q, ids.first));
    expect(data).toMatchObject({ after: { title: '三楼打印机卡纸', categoryId, teamId, priority: 'high' } });
    expect(await read((q) => creationEventData(q, ids.elsewhere))).toEqual({});
    expect(await read((q) => readTicket(q, ids.first))).toMatchObject({ id: ids.first, title: '三楼打印机卡纸', category_id: categoryId, requester_id: wangId });
    expect(await read((q) => readTicket(q, ids.elsewhere))).toBeUndefined();
  });
});
