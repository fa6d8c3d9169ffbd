import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket } from '../collaboration/helpers';
import { automationWorld, type AutomationWorld } from './helpers';

// business_hours reads the tenant's default business calendar (calendars module) at the injected now:
// 2026-03-02 is a Monday; 09:00 Shanghai is working time, 20:00 is not, and 2026-10-01 (国庆) is a holiday.
describe('automation business hours', () => {
  let w: AutomationWorld;
  beforeAll(async () => {
    w = await automationWorld();
    const cal = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/calendars/from-builtin', { name: '工作日 9:00–18:00（午休 12:00–13:30）', year: 2026, isDefault: true });
    expect(cal.statusCode, cal.body).toBe(201);
    const rule = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/automation/rules', {
      name: '非工作时间提示',
      kind: 'trigger',
      events: ['ticket.created'],
      conditions: { all: [{ field: 'business_hours', op: 'is_false' }] },
      actions: [{ type: 'add_tags', tags: ['非工作时间'] }],
    });
    expect(rule.statusCode, rule.body).toBe(201);
  });
  afterAll(() => w?.close());

  const tagsOf = async (id: string) => (await w.sql<{ tags: string[] }>(`SELECT tags FROM tickets WHERE id = $1`, [id]))[0].tags;
  const at = async (iso: string) => {
    w.t.clock.advance(new Date(iso).getTime() - w.t.clock.now().getTime());
    w.acme.adminToken = await w.t.login(w.acme.adminEmail, 'Passw0rd-测试');
    const t = await createTicket(w.t, w.acme.adminToken, { title: '电梯异响', requester: { name: '王芳', email: 'wf@kehu.cn' } });
    await w.settle();
    return tagsOf(t.id);
  };

  it('tells working time from evenings and holidays', async () => {
    expect(await at('2026-03-02T01:30:00Z')).not.toContain('非工作时间'); // 周一 09:30
    expect(await at('2026-03-02T04:30:00Z')).toContain('非工作时间'); // 周一 12:30 午休
    expect(await at('2026-03-02T12:00:00Z')).toContain('非工作时间'); // 周一 20:00
    expect(await at('2026-10-01T02:00:00Z')).toContain('非工作时间'); // 国庆 10:00
  });
});
