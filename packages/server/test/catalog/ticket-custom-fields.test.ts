import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// End to end: definitions made through the catalog API govern the customFields of new tickets.
describe('tickets with custom fields defined in the catalog', () => {
  let t: TestApp;
  let acme: TestTenant;
  let admin: string;
  let repair: { id: string };
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('打印机维修');
    admin = acme.adminToken;
    repair = (await t.api(admin, 'POST', '/api/v1/ticket-types', { key: 'repair', nameZh: '维修', nameEn: 'Repair' })).json();
    const defs = [
      {
        key: 'device_model',
        kind: 'select',
        labelZh: '设备型号',
        labelEn: 'Device model',
        required: true,
        options: [
          { value: 'hp-m404', labelZh: '惠普 M404' },
          { value: 'canon-2206', labelZh: '佳能 2206' },
        ],
      },
      { key: 'page_count', kind: 'number', labelZh: '打印页数', required: true },
      { key: 'purchase_date', kind: 'date', labelZh: '购买日期', required: true },
      {
        key: 'symptoms',
        kind: 'multiselect',
        labelZh: '故障现象',
        required: true,
        options: [
          { value: 'jam', labelZh: '卡纸' },
          { value: 'blur', labelZh: '打印模糊' },
          { value: 'offline', labelZh: '脱机' },
        ],
      },
    ];
    for (const d of defs) expect((await t.api(admin, 'POST', '/api/v1/custom-fields', { ticketTypeId: repair.id, ...d })).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const good = { device_model: 'hp-m404', page_count: 1200, purchase_date: '2025-06-18', symptoms: ['jam', 'offline'] };
  const create = (customFields: Record<string, unknown>, typeId?: string) =>
    t.api(admin, 'POST', '/api/v1/tickets', {
      title: '财务部打印机卡纸',
      description: '打印到一半卡纸，然后脱机',
      requester: { name: '财务部王会计', phone: '13812340000' },
      typeId: typeId ?? repair.id,
      customFields,
    });

  it('refuses a ticket without a required field, at customFields.<key>', async () => {
    const { device_model: _d, ...rest } = good;
    const res = await create(rest);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'customFields.device_model' });
    expect(res.json().error.message).toContain('设备型号');
  });

  it('refuses wrong values for each kind', async () => {
    const cases: [string, unknown][] = [
      ['device_model', 'epson-l3150'],
      ['page_count', '一千二'],
      ['purchase_date', '2025/06/18'],
      ['symptoms', ['jam', 'smoke']],
      ['symptoms', 'jam'],
    ];
    for (const [key, value] of cases) {
      const res = await create({ ...good, [key]: value });
      expect(res.statusCode, `${key}=${JSON.stringify(value)}`).toBe(400);
      expect(res.json().error.field).toBe(`customFields.${key}`);
    }
    const unknown = await create({ ...good, colour: 'red' });
    expect(unknown.json().error.field).toBe('customFields.colour');
  });

  it('creates the ticket with the right values', async () => {
    const res = await create({ ...good, page_count: '1200' });
    expect(res.statusCode).toBe(201);
    expect(res.json().customFields).toEqual({ ...good, page_count: 1200 });
    expect(res.json().typeId).toBe(repair.id);
  });

  it('follows later changes to the definitions', async () => {
    const fields = (await t.api(admin, 'GET', `/api/v1/custom-fields?ticketTypeId=${repair.id}`)).json().items as { id: string; key: string }[];
    const model = fields.find((f) => f.key === 'device_model')!;
    await t.api(admin, 'PATCH', `/api/v1/custom-fields/${model.id}`, {
      options: [
        { value: 'hp-m404', labelZh: '惠普 M404' },
        { value: 'epson-l3150', labelZh: '爱普生 L3150' },
      ],
    });
    expect((await create({ ...good, device_model: 'epson-l3150' })).statusCode).toBe(201);
    await t.api(admin, 'PATCH', `/api/v1/custom-fields/${model.id}`, { required: false });
    const { device_model: _d, ...rest } = good;
    expect((await create(rest)).statusCode).toBe(201);
    // a global required field applies to every ticket, with or without a type
    await t.api(admin, 'POST', '/api/v1/custom-fields', { key: 'building', kind: 'text', labelZh: '楼栋', required: true });
    const noType = await t.api(admin, 'POST', '/api/v1/tickets', { title: '无类型工单', description: 'x', requester: { email: 'a@example.cn' } });
    expect(noType.json().error.field).toBe('customFields.building');
    const withBuilding = await t.api(admin, 'POST', '/api/v1/tickets', { title: '无类型工单', description: 'x', requester: { email: 'a@example.cn' }, customFields: { building: '3号楼' } });
    expect(withBuilding.statusCode).toBe(201);
    expect((await create(good)).json().error.field).toBe('customFields.building');
  });
});
