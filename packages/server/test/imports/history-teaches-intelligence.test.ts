import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFor, retrainSweep } from '../../src/modules/intelligence';
import { history } from '../support/import-history';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// What the import promises, over HTTP: a new tenant brings last year's tickets from its old helpdesk,
// the models learn from them, and the first new ticket arrives with the right category and team.

describe('history imported from an old helpdesk teaches the intelligence', () => {
  let t: TestApp;
  let acme: TestTenant;
  const cat: Record<string, string> = {};
  const team: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('新上线的客户');
    const post = async (url: string, body: unknown) => (await t.api(acme.adminToken, 'POST', url, body)).json().id as string;
    const hardware = await post('/api/v1/categories', { nameZh: '硬件' });
    cat['打印机'] = await post('/api/v1/categories', { nameZh: '打印机', parentId: hardware });
    for (const name of ['网络', '账号密码', '邮件']) cat[name] = await post('/api/v1/categories', { nameZh: name });
    for (const name of ['桌面支持组', '网络运维组']) team[name] = await post('/api/v1/teams', { name });
  });
  afterAll(() => t.close());

  it('imports 300 historical tickets, trains on them and classifies the first new ticket', async () => {
    const tickets = history(300, 20260302, 'OLD');
    expect(new Set(tickets.map((x) => x.description)).size).toBeGreaterThan(250);
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/imports/tickets', { tickets });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 300, exists: 0, failed: 0 });

    const trained = await t.api(acme.adminToken, 'POST', '/api/v1/intelligence/models/train', {});
    expect(trained.statusCode, trained.body).toBe(200);
    const byTarget = Object.fromEntries(trained.json().models.map((m: { target: string }) => [m.target, m]));
    expect(byTarget.category).toMatchObject({ state: 'ready', examples: 300 });
    expect(byTarget.category.classes.map((c: { label: string }) => c.label).sort()).toEqual(['打印机', '账号密码', '邮件', '网络'].sort());
    expect(byTarget.category.accuracy).toBeGreaterThan(0.8);
    expect(byTarget.team).toMatchObject({ state: 'ready', examples: 300 });

    const cases: [string, string, string, string][] = [
      ['无线网络老是掉线', '我们办公室的 WiFi 今天一直断线，VPN 也连不上', '网络', '网络运维组'],
      ['打印机卡纸', '二楼的打印机又卡纸了，打印不出来', '打印机', '桌面支持组'],
    ];
    for (const [title, description, category, teamName] of cases) {
      const created = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title, description, requester: { name: '赵敏', email: 'zhaomin@kehu.cn' } });
      expect(created.statusCode, created.body).toBe(201);
      const ticket = created.json();
      expect(ticket).toMatchObject({ categoryId: cat[category], teamId: team[teamName] });
      const insights = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/insights`)).json();
      expect(insights.predictions.category).toMatchObject({ value: cat[category], applied: true });
      expect(insights.predictions.category.reasons[0]).toMatchObject({ kind: 'words', words: expect.arrayContaining([expect.any(String)]) });
      expect(insights.predictions.team).toMatchObject({ value: team[teamName], applied: true });
      // the imported history answers too: similar solved tickets, also ones older than a year
      expect(insights.similarSolved.length).toBeGreaterThan(0);
      const ages = await Promise.all(
        insights.similarSolved.map(async (s: { ticketId: string }) => Date.now() - Date.parse((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${s.ticketId}`)).json().createdAt)),
      );
      expect(Math.max(...ages)).toBeGreaterThan(365 * 86_400_000);
    }

    // an imported ticket's labels were set by people: its analysis does not second-guess them
    const old = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${res.json().items[0].id}/insights`)).json();
    expect(old.predictions.category).toBeUndefined();
    expect(old.predictions.team).toBeUndefined();
  });

  it('the background retraining counts newly imported history, old as its creation times are', async () => {
    const cache = cacheFor(t.db);
    expect(await retrainSweep(t.deps, cache)).not.toContain(acme.id);
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/imports/tickets', { tickets: history(200, 7, 'OLDER') });
    expect(res.json()).toMatchObject({ created: 200, failed: 0 });
    expect(await retrainSweep(t.deps, cache)).toContain(acme.id);
  });
});
