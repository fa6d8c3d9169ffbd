import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractFor, sweepMaintenance } from '../../src/modules/maintenance';
import { slaWorld, type SlaWorld } from '../sla/helpers';
import { PASSWORD } from '../support/test-app';

// 维保合同 and 保养计划 in simulated time (Monday 2 March 2026): a covered asset's ticket takes the
// contract's SLA policy; an expiring contract is flagged and its admins told once; a plan's visit
// tickets are created ahead by the lead time, once each; inspections record each checklist item.
let w: SlaWorld;
const DAY = 86_400_000;
const asset = async (serial: string, model = 'EL-200') => {
  const res = await w.api('POST', '/api/v1/assets', { serial, model, name: `${serial} 号电梯` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};
const policy = async (name: string, minutes: number) => {
  const res = await w.api('POST', '/api/v1/sla/policies', { name, targets: { normal: { first_response: { minutes, business: false } }, high: { first_response: { minutes, business: false } } } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};

beforeAll(async () => {
  w = await slaWorld('维保合同测试');
});
afterAll(() => w?.close());

describe('maintenance contracts', () => {
  let gold: { id: string };
  let covered: { id: string };
  let contractId: string;

  it('a ticket on a covered asset takes the contract\'s SLA policy; other tickets the ordinary order', async () => {
    await policy('标准服务', 480); // first in order: matches every ticket
    gold = await policy('金牌维保', 30);
    covered = await asset('EL-1001');
    const other = await asset('EL-1002');
    const res = await w.api('POST', '/api/v1/contracts', { number: 'WB-2026-001', name: '金牌维保合同', slaPolicyId: gold.id, visitsPerYear: 12, validFrom: '2026-01-01', validTo: '2026-12-31', assetIds: [covered.id] });
    expect(res.statusCode, res.body).toBe(201);
    contractId = res.json().id;
    expect(res.json()).toMatchObject({ state: 'active', assetIds: [covered.id], slaPolicyId: gold.id });
    expect(await w.t.db.tenant(w.acme.id, (q) => activeContractFor(q, covered.id, w.t.clock.now()))).toMatchObject({ id: contractId, number: 'WB-2026-001', slaPolicyId: gold.id, validTo: '2026-12-31' });
    expect(await w.t.db.tenant(w.acme.id, (q) => activeContractFor(q, other.id, w.t.clock.now()))).toBeNull();

    const make = async (assetId: string) => (await w.api('POST', '/api/v1/tickets', { title: '电梯异响', description: '轿厢运行有异响', requester: { name: '物业张经理', email: 'zhang@wuye.cn' }, assetId })).json();
    const onContract = await make(covered.id);
    const offContract = await make(other.id);
    await w.settle();
    const sla = async (id: string) => (await w.api('GET', `/api/v1/tickets/${id}/sla`)).json();
    expect((await sla(onContract.id)).policy).toMatchObject({ id: gold.id });
    expect((await sla(offContract.id)).policy).toMatchObject({ name: '标准服务' });
  });

  it('refuses a contract that ends before it starts, a duplicate number, an unknown asset or policy', async () => {
    const base = { number: 'WB-X', name: '测试合同', validFrom: '2026-01-01', validTo: '2026-12-31' };
    expect((await w.api('POST', '/api/v1/contracts', { ...base, validTo: '2025-12-31' })).json().error.field).toBe('validTo');
    expect((await w.api('POST', '/api/v1/contracts', { ...base, number: 'WB-2026-001' })).statusCode).toBe(409);
    expect((await w.api('POST', '/api/v1/contracts', { ...base, assetIds: ['00000000-0000-7000-8000-000000000000'] })).json().error.field).toBe('assetIds');
    expect((await w.api('POST', '/api/v1/contracts', { ...base, slaPolicyId: '00000000-0000-7000-8000-000000000000' })).json().error.field).toBe('slaPolicyId');
  });

  it('an expiring contract is flagged, and the admins are told once', async () => {
    const res = await w.api('POST', '/api/v1/contracts', { number: 'WB-2026-002', name: '季度维保合同', validFrom: '2026-01-01', validTo: '2026-03-20', assetIds: [covered.id] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'expiring', daysLeft: 18 });
    const expiring = (await w.api('GET', '/api/v1/contracts?expiring=true')).json();
    expect(expiring.items.map((c: { number: string }) => c.number)).toEqual(['WB-2026-002']);
    expect(expiring.noticeDays).toBe(30);
    expect((await sweepMaintenance(w.t.deps, { limit: 100 })).expiring).toBe(1);
    expect((await sweepMaintenance(w.t.deps, { limit: 100 })).expiring).toBe(0);
    const notes = (await w.api('GET', '/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'contract_expiring');
    expect(notes).toHaveLength(1);
    expect(notes[0].data).toMatchObject({ contract: 'WB-2026-002', title: '季度维保合同', validTo: '2026-03-20' });
    // the newer contract covers the asset until 2026-03-20, then the longer one again
    expect((await w.t.db.tenant(w.acme.id, (q) => activeContractFor(q, covered.id, w.t.clock.now())))?.number).toBe('WB-2026-001');
  });
});

describe('preventive plans and inspections', () => {
  it('creates each visit ticket once, lead-time ahead, with the checklist; inspections record each item', async () => {
    const a = await asset('EL-2001', 'EL-300');
    const b = await asset('EL-2002', 'EL-300');
    const checklist = [{ item: '曳引机油位', kind: 'check' }, { item: '制动器间隙', kind: 'value', unit: 'mm', min: 0.2, max: 0.5 }, { item: '门锁回路', kind: 'check' }];
    const res = await w.api('POST', '/api/v1/plans', { name: '电梯月度保养', model: 'EL-300', schedule: { unit: 'months', every: 1, startOn: '2026-03-05', leadDays: 7 }, checklist, priority: 'normal' });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    const first = await sweepMaintenance(w.t.deps, { limit: 100 });
    expect(first.visits).toBe(2);
    expect((await sweepMaintenance(w.t.deps, { limit: 100 })).visits).toBe(0);
    const visits = (await w.api('GET', `/api/v1/plans/visits?planId=${plan.id}`)).json().items;
    expect(visits.map((v: { due: string }) => v.due)).toEqual(['2026-03-05', '2026-03-05']);
    expect(new Set(visits.map((v: { assetId: string }) => v.assetId))).toEqual(new Set([a.id, b.id]));
    const ticket = (await w.api('GET', `/api/v1/tickets/${visits[0].ticketId}`)).json();
    expect(ticket).toMatchObject({ channel: 'preventive' });
    expect(ticket.tags).toContain('保养');
    expect(ticket.description).toContain('制动器间隙');

    // a month later, the next visit, lead-time ahead
    w.t.clock.advance(26 * DAY); // 28 March: 2026-04-05 is 8 days away
    expect((await sweepMaintenance(w.t.deps, { limit: 100 })).visits).toBe(0);
    w.t.clock.advance(DAY);
    expect((await sweepMaintenance(w.t.deps, { limit: 100 })).visits).toBe(2);
    w.acme.adminToken = await w.t.login(w.acme.adminEmail, PASSWORD); // the session from 27 days ago has expired

    const put = await w.api('PUT', `/api/v1/tickets/${ticket.id}/inspection`, { items: [{ item: '曳引机油位', result: 'pass' }, { item: '制动器间隙', result: 'value', value: 0.7, note: '偏大，已调整' }] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ planName: '电梯月度保养', checklist: [{ item: '曳引机油位' }, { item: '制动器间隙' }, { item: '门锁回路' }] });
    expect(put.json().items).toHaveLength(2);
    expect((await w.api('PUT', `/api/v1/tickets/${ticket.id}/inspection`, { items: [{ item: '不存在的检查项', result: 'pass' }] })).statusCode).toBe(400);
    expect((await w.api('PUT', `/api/v1/tickets/${ticket.id}/inspection`, { items: [{ item: '制动器间隙', result: 'value' }] })).statusCode).toBe(400);
    const events = (await w.api('GET', `/api/v1/tickets/${ticket.id}/events`)).json().items;
    expect(events.find((e: { kind: string }) => e.kind === 'inspection.recorded')?.data).toMatchObject({ items: 2, failed: ['制动器间隙'] });
  });
});
