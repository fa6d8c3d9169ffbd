import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

async function userToken(t: TestApp, tenant: TestTenant, role: string, extra: Record<string, unknown> = {}): Promise<string> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.cn`;
  const res = await t.api(tenant.adminToken, 'POST', '/api/v1/users', { email, name: `${role}用户`, role, password: PASSWORD, ...extra });
  expect(res.statusCode).toBe(201);
  return t.login(email, PASSWORD, tenant.slug);
}

describe('ticket types and custom fields over HTTP', () => {
  let t: TestApp;
  let acme: TestTenant;
  let admin: string;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('维修服务租户');
    admin = acme.adminToken;
    agent = await userToken(t, acme, 'agent');
  });
  afterAll(() => t.close());

  it('creates, updates, lists and reads ticket types', async () => {
    const res = await t.api(admin, 'POST', '/api/v1/ticket-types', { key: 'repair', nameZh: '维修', nameEn: 'Repair' });
    expect(res.statusCode).toBe(201);
    const repair = res.json();
    expect(repair).toMatchObject({ key: 'repair', nameZh: '维修', nameEn: 'Repair', active: true });
    const complaint = (await t.api(admin, 'POST', '/api/v1/ticket-types', { key: 'complaint', nameZh: '投诉' })).json();
    expect(complaint.nameEn).toBe('');

    const dup = await t.api(admin, 'POST', '/api/v1/ticket-types', { key: 'repair', nameZh: '维修2' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'CONFLICT', field: 'key' });

    const patched = await t.api(admin, 'PATCH', `/api/v1/ticket-types/${complaint.id}`, { nameEn: 'Complaint', active: false });
    expect(patched.json()).toMatchObject({ key: 'complaint', nameZh: '投诉', nameEn: 'Complaint', active: false });
    const keyChange = await t.api(admin, 'PATCH', `/api/v1/ticket-types/${complaint.id}`, { key: 'other' });
    expect(keyChange.json().error.details[0]).toMatchObject({ field: 'key', code: 'unknown_field' });

    const all = (await t.api(agent, 'GET', '/api/v1/ticket-types')).json().items.map((x: { key: string }) => x.key);
    expect(all).toEqual(['complaint', 'repair']);
    const active = (await t.api(agent, 'GET', '/api/v1/ticket-types?active=true')).json().items.map((x: { key: string }) => x.key);
    expect(active).toEqual(['repair']);
    const got = await t.api(agent, 'GET', `/api/v1/ticket-types/${repair.id}`);
    expect(got.json()).toMatchObject({ id: repair.id, key: 'repair', fields: [] });

    const contact = (await t.api(admin, 'POST', '/api/v1/contacts', { name: '门户客户', identities: [{ kind: 'email', value: 'portal@example.cn' }] })).json();
    const customer = await userToken(t, acme, 'customer', { contactId: contact.id });
    expect((await t.api(customer, 'GET', '/api/v1/ticket-types')).json().items.map((x: { key: string }) => x.key)).toEqual(['repair']);
    expect((await t.api(customer, 'GET', `/api/v1/ticket-types/${complaint.id}`)).statusCode).toBe(404);
    expect((await t.api(customer, 'POST', '/api/v1/ticket-types', { key: 'x', nameZh: '客户建' })).statusCode).toBe(403);
    expect((await t.api(agent, 'POST', '/api/v1/ticket-types', { key: 'x', nameZh: '坐席建' })).statusCode).toBe(403);
    expect((await t.api(agent, 'PATCH', `/api/v1/ticket-types/${repair.id}`, { nameZh: '改' })).statusCode).toBe(403);
  });

  it('refuses bad ticket type input', async () => {
    const post = (body: unknown) => t.api(admin, 'POST', '/api/v1/ticket-types', body);
    expect((await post({ key: 'Repair', nameZh: '维修' })).json().error.field).toBe('key');
    expect((await post({ key: 'wei xiu', nameZh: '维修' })).json().error.field).toBe('key');
    expect((await post({ key: '维修', nameZh: '维修' })).json().error.field).toBe('key');
    expect((await post({ key: 'ok', nameZh: '' })).json().error.field).toBe('nameZh');
    expect((await post({ key: 'ok', nameZh: '好', active: 'yes' })).json().error.field).toBe('active');
    const unknown = await post({ key: 'ok', nameZh: '好', icon: 'x' });
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'icon', code: 'unknown_field' });
    expect((await post({ key: 'install-2', nameZh: '安装' })).statusCode).toBe(201);
    const missing = await t.api(admin, 'GET', '/api/v1/ticket-types/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect((await t.api(admin, 'PATCH', '/api/v1/ticket-types/00000000-0000-4000-8000-000000000000', { nameZh: '无' })).statusCode).toBe(404);
    expect((await t.api(admin, 'GET', '/api/v1/ticket-types?active=1')).json().error.field).toBe('active');
  });

  it('defines, changes, lists and deletes custom fields', async () => {
    const type = (await t.api(admin, 'POST', '/api/v1/ticket-types', { key: 'maintenance', nameZh: '保养', nameEn: 'Maintenance' })).json();
    const model = await t.api(admin, 'POST', '/api/v1/custom-fields', {
      ticketTypeId: type.id,
      key: 'device_model',
      kind: 'select',
      labelZh: '设备型号',
      labelEn: 'Device model',
      required: true,
      options: [
        { value: 'hp-m404', labelZh: '惠普 M404', labelEn: 'HP M404' },
        { value: 'canon-2206', labelZh: '佳能 2206' },
      ],
      position: 1,
    });
    expect(model.statusCode).toBe(201);
    expect(model.json()).toMatchObject({
      ticketTypeId: type.id,
      key: 'device_model',
      kind: 'select',
      labelZh: '设备型号',
      required: true,
      position: 1,
      options: [
        { value: 'hp-m404', labelZh: '惠普 M404', labelEn: 'HP M404' },
        { value: 'canon-2206', labelZh: '佳能 2206', labelEn: '' },
      ],
    });
    const global = (await t.api(admin, 'POST', '/api/v1/custom-fields', { key: 'building', kind: 'text', labelZh: '楼栋' })).json();
    expect(global).toMatchObject({ ticketTypeId: null, required: false, options: [], labelEn: '', position: 0 });

    // the same key for the same type, a type key equal to a global key, a global key used by a type
    const dup = await t.api(admin, 'POST', '/api/v1/custom-fields', { ticketTypeId: type.id, key: 'device_model', kind: 'text', labelZh: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'CONFLICT', field: 'key' });
    const shadow = await t.api(admin, 'POST', '/api/v1/custom-fields', { ticketTypeId: type.id, key: 'building', kind: 'text', labelZh: '楼' });
    expect(shadow.json().error).toMatchObject({ code: 'CONFLICT', field: 'key' });
    const globalDup = await t.api(admin, 'POST', '/api/v1/custom-fields', { key: 'device_model', kind: 'text', labelZh: '型号' });
    expect(globalDup.statusCode).toBe(409);
    // another type may reuse a type key
    const other = (await t.api(admin, 'POST', '/api/v1/ticket-types', { key: 'inspection', nameZh: '巡检' })).json();
    expect((await t.api(admin, 'POST', '/api/v1/custom-fields', { ticketTypeId: other.id, key: 'device_model', kind: 'text', labelZh: '设备型号' })).statusCode).toBe(201);

    const patched = await t.api(admin, 'PATCH', `/api/v1/custom-fields/${model.json().id}`, {
      labelEn: 'Model',
      required: false,
      options: [{ value: 'hp-m404', labelZh: '惠普 M404' }],
      position: 5,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ labelZh: '设备型号', labelEn: 'Model', required: false, position: 5, options: [{ value: 'hp-m404', labelZh: '惠普 M404', labelEn: '' }] });
    const kindChange = await t.api(admin, 'PATCH', `/api/v1/custom-fields/${model.json().id}`, { kind: 'text' });
    expect(kindChange.json().error.details[0]).toMatchObject({ field: 'kind', code: 'unknown_field' });
    const keyChange = await t.api(admin, 'PATCH', `/api/v1/custom-fields/${model.json().id}`, { key: 'model' });
    expect(keyChange.json().error.details[0]).toMatchObject({ field: 'key', code: 'unknown_field' });
    const noOptions = await t.api(admin, 'PATCH', `/api/v1/custom-fields/${model.json().id}`, { options: [] });
    expect(noOptions.json().error).toMatchObject({ field: 'options', details: [expect.objectContaining({ code: 'required' })] });
    const optionsOnText = await t.api(admin, 'PATCH', `/api/v1/custom-fields/${global.id}`, { options: [{ value: 'a', labelZh: '甲' }] });
    expect(optionsOnText.json().error).toMatchObject({ field: 'options', details: [expect.objectContaining({ code: 'not_allowed' })] });

    const forType = (await t.api(agent, 'GET', `/api/v1/custom-fields?ticketTypeId=${type.id}`)).json().items.map((f: { key: string }) => f.key);
    expect(forType).toEqual(['building', 'device_model']);
    const all = (await t.api(agent, 'GET', '/api/v1/custom-fields')).json().items;
    expect(all).toHaveLength(3);
    const detail = (await t.api(agent, 'GET', `/api/v1/ticket-types/${type.id}`)).json();
    expect(detail.fields.map((f: { key: string; ticketTypeId: string | null }) => [f.key, f.ticketTypeId])).toEqual([
      ['building', null],
      ['device_model', type.id],
    ]);

    expect((await t.api(agent, 'DELETE', `/api/v1/custom-fields/${global.id}`)).statusCode).toBe(403);
    expect((await t.api(admin, 'DELETE', `/api/v1/custom-fields/${global.id}`)).statusCode).toBe(204);
    expect((await t.api(admin, 'DELETE', `/api/v1/custom-fields/${global.id}`)).statusCode).toBe(404);
    expect((await t.api(agent, 'GET', `/api/v1/custom-fields?ticketTypeId=${type.id}`)).json().items.map((f: { key: string }) => f.key)).toEqual(['device_model']);
    expect((await t.api(admin, 'GET', '/api/v1/custom-fields?ticketTypeId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('refuses bad custom field definitions', async () => {
    const post = (body: Record<string, unknown>) => t.api(admin, 'POST', '/api/v1/custom-fields', { labelZh: '字段', ...body });
    const err = async (body: Record<string, unknown>) => (await post(body)).json().error;
    expect(await err({ key: 'Model', kind: 'text' })).toMatchObject({ field: 'key' });
    expect(await err({ key: '1st', kind: 'text' })).toMatchObject({ field: 'key' });
    expect(await err({ key: 'device-model', kind: 'text' })).toMatchObject({ field: 'key' });
    expect(await err({ key: 'ok', kind: 'checkbox' })).toMatchObject({ field: 'kind' });
    expect(await err({ key: 'ok', kind: 'select' })).toMatchObject({ field: 'options', details: [expect.objectContaining({ code: 'required' })] });
    expect(await err({ key: 'ok', kind: 'multiselect', options: [] })).toMatchObject({ field: 'options' });
    expect(await err({ key: 'ok', kind: 'number', options: [{ value: '1', labelZh: '一' }] })).toMatchObject({
      field: 'options',
      details: [expect.objectContaining({ code: 'not_allowed' })],
    });
    const dupOption = await err({
      key: 'ok',
      kind: 'select',
      options: [
        { value: 'a', labelZh: '甲' },
        { value: 'b', labelZh: '乙' },
        { value: 'a', labelZh: '丙' },
      ],
    });
    expect(dupOption).toMatchObject({ code: 'VALIDATION_FAILED', field: 'options.2.value', details: [expect.objectContaining({ code: 'duplicate' })] });
    expect(await err({ key: 'ok', kind: 'select', options: [{ value: 'a', labelZh: '甲', colour: 'red' }] })).toMatchObject({ field: 'options.0.colour' });
    expect(await err({ key: 'ok', kind: 'select', options: [{ value: '', labelZh: '空' }] })).toMatchObject({ field: 'options.0.value' });
    expect(await err({ key: 'ok', kind: 'text', required: 'yes' })).toMatchObject({ field: 'required' });
    expect(await err({ key: 'ok', kind: 'text', extra: 1 })).toMatchObject({ field: 'extra' });
    const noType = await post({ key: 'ok', kind: 'text', ticketTypeId: '00000000-0000-4000-8000-000000000000' });
    expect(noType.statusCode).toBe(404);
    expect(noType.json().error.field).toBe('ticketTypeId');
    expect((await t.api(admin, 'PATCH', '/api/v1/custom-fields/00000000-0000-4000-8000-000000000000', { labelZh: '无' })).statusCode).toBe(404);
    expect((await t.api(agent, 'POST', '/api/v1/custom-fields', { key: 'ok', kind: 'text', labelZh: '坐席' })).statusCode).toBe(403);
  });

  it('keeps tenants apart', async () => {
    const type = (await t.api(admin, 'POST', '/api/v1/ticket-types', { key: 'isolated', nameZh: '隔离类型' })).json();
    const field = (await t.api(admin, 'POST', '/api/v1/custom-fields', { ticketTypeId: type.id, key: 'secret', kind: 'text', labelZh: '机密' })).json();
    const other = await t.tenant('别家类型');
    const o = other.adminToken;
    expect((await t.api(o, 'GET', `/api/v1/ticket-types/${type.id}`)).statusCode).toBe(404);
    expect((await t.api(o, 'PATCH', `/api/v1/ticket-types/${type.id}`, { nameZh: '偷改' })).statusCode).toBe(404);
    expect((await t.api(o, 'GET', '/api/v1/ticket-types')).json().items).toEqual([]);
    expect((await t.api(o, 'GET', '/api/v1/custom-fields')).json().items).toEqual([]);
    expect((await t.api(o, 'PATCH', `/api/v1/custom-fields/${field.id}`, { labelZh: '偷改' })).statusCode).toBe(404);
    expect((await t.api(o, 'DELETE', `/api/v1/custom-fields/${field.id}`)).statusCode).toBe(404);
    expect((await t.api(o, 'POST', '/api/v1/custom-fields', { ticketTypeId: type.id, key: 'x', kind: 'text', labelZh: '挂' })).statusCode).toBe(404);
    // the same key is free in another tenant
    expect((await t.api(o, 'POST', '/api/v1/ticket-types', { key: 'isolated', nameZh: '同名' })).statusCode).toBe(201);
  });
});
