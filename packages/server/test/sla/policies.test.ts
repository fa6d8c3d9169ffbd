import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../collaboration/helpers';
import { POLICY, slaWorld, ticket, type SlaWorld } from './helpers';

let w: SlaWorld;
beforeAll(async () => {
  w = await slaWorld('SLA策略测试');
});
afterAll(() => w.close());

describe('SLA policies, settings and the report over HTTP', () => {
  it('validates targets with a stable code and a message saying what to fix', async () => {
    const none = await w.api('POST', '/api/v1/sla/policies', { name: '空', targets: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ code: 'SLA_POLICY_TARGETS_INVALID', field: 'targets' });
    const longer = await w.api('POST', '/api/v1/sla/policies', { name: '不合理', targets: { high: { first_response: { minutes: 600, business: true }, resolution: { minutes: 300, business: true } } } });
    expect(longer.json().error).toMatchObject({ code: 'SLA_POLICY_TARGETS_INVALID', field: 'targets.high.first_response' });
    const badMinutes = await w.api('POST', '/api/v1/sla/policies', { name: '负数', targets: { low: { resolution: { minutes: -5, business: true } } } });
    expect(badMinutes.json().error.code).toBe('VALIDATION_FAILED');
    const unknownCalendar = await w.api('POST', '/api/v1/sla/policies', { ...POLICY, name: '无此日历', calendarId: '01a2439d-c0b3-7001-af4c-86f0630526e0' });
    expect(unknownCalendar.statusCode).toBe(404);
    expect(unknownCalendar.json().error.field).toBe('calendarId');
  });

  it('creates, lists in order, reorders, replaces and deletes; names are unique', async () => {
    const a = (await w.api('POST', '/api/v1/sla/policies', POLICY)).json();
    const b = (await w.api('POST', '/api/v1/sla/policies', { ...POLICY, name: 'VIP 客户', conditions: { tiers: ['vip'] } })).json();
    expect([a.position, b.position]).toEqual([0, 1]);
    expect((await w.api('POST', '/api/v1/sla/policies', POLICY)).statusCode).toBe(409);
    const reordered = await w.api('POST', '/api/v1/sla/policies/reorder', { ids: [b.id, a.id] });
    expect(reordered.json().items.map((p: { name: string }) => p.name)).toEqual(['VIP 客户', '标准服务']);
    const partial = await w.api('POST', '/api/v1/sla/policies/reorder', { ids: [b.id] });
    expect(partial.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'ids' });
    const put = await w.api('PUT', `/api/v1/sla/policies/${b.id}`, { ...POLICY, name: 'VIP 客户', conditions: { tiers: ['vip', 'svip'] }, warnRemaining: 0.25 });
    expect(put.json()).toMatchObject({ conditions: { tiers: ['vip', 'svip'] }, warnRemaining: 0.25, position: 0 });
    expect((await w.api('DELETE', `/api/v1/sla/policies/${b.id}`)).statusCode).toBe(204);
    expect((await w.api('DELETE', `/api/v1/sla/policies/${b.id}`)).statusCode).toBe(404);
  });

  it('settings: the pause statuses; only pending and on_hold may pause', async () => {
    expect((await w.api('GET', '/api/v1/sla/settings')).json()).toEqual({ pauseStatuses: ['pending', 'on_hold'] });
    expect((await w.api('PUT', '/api/v1/sla/settings', { pauseStatuses: ['pending'] })).json()).toEqual({ pauseStatuses: ['pending'] });
    const bad = await w.api('PUT', '/api/v1/sla/settings', { pauseStatuses: ['open'] });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'pauseStatuses' });
  });

  it('agents may not manage policies; the report counts attainment by metric and priority', async () => {
    const agent = await createStaff(w.t, w.acme.adminToken, '客服小王', 'agent');
    expect((await w.t.api(agent.token, 'GET', '/api/v1/sla/policies')).statusCode).toBe(403);

    const from = w.t.clock.now().toISOString();
    const t = await ticket(w, { priority: 'urgent' });
    await ticket(w, { priority: 'normal' });
    await w.api('POST', `/api/v1/tickets/${t.id}/comments`, { body: '收到，马上处理' });
    await w.settle();
    w.t.clock.advance(5 * 3600_000);
    const to = w.t.clock.now().toISOString();
    const byMetric = (await w.api('GET', `/api/v1/sla/report?from=${from}&to=${to}&groupBy=metric`)).json();
    // urgent: answered at once, 4 h resolution overdue; normal: 2 h first response overdue, 16 h resolution running
    expect(byMetric.rows).toEqual([
      { key: 'first_response', label: 'first_response', total: 2, achieved: 1, breached: 1, open: 0, attainment: 0.5 },
      { key: 'resolution', label: 'resolution', total: 2, achieved: 0, breached: 1, open: 1, attainment: 0 },
    ]);
    const byPriority = (await w.api('GET', `/api/v1/sla/report?from=${from}&to=${to}&groupBy=priority`)).json();
    expect(byPriority.rows.map((r: { key: string; total: number }) => [r.key, r.total])).toEqual([['normal', 2], ['urgent', 2]]);
    const empty = await w.api('GET', `/api/v1/sla/report?from=${to}&to=${from}`);
    expect(empty.json().error.field).toBe('to');
  });
});
