import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

async function userToken(t: TestApp, tenant: TestTenant, role: string, extra: Record<string, unknown> = {}): Promise<string> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.cn`;
  const res = await t.api(tenant.adminToken, 'POST', '/api/v1/users', { email, name: `${role}用户`, role, password: PASSWORD, ...extra });
  expect(res.statusCode).toBe(201);
  return t.login(email, PASSWORD, tenant.slug);
}

interface Node {
  id: string;
  nameZh: string;
  parentId: string | null;
  children?: Node[];
}

describe('categories over HTTP', () => {
  let t: TestApp;
  let acme: TestTenant;
  let admin: string;
  const post = (body: unknown) => t.api(admin, 'POST', '/api/v1/categories', body);
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('分类测试租户');
    admin = acme.adminToken;
  });
  afterAll(() => t.close());

  it('builds a tree 硬件 > 打印机 > 卡纸 and lists it flat and nested', async () => {
    const hw = await post({ nameZh: '硬件', nameEn: 'Hardware', position: 1 });
    expect(hw.statusCode).toBe(201);
    expect(hw.json()).toMatchObject({ nameZh: '硬件', nameEn: 'Hardware', parentId: null, position: 1, active: true });
    const printer = (await post({ nameZh: '打印机', nameEn: 'Printer', parentId: hw.json().id })).json();
    const jam = (await post({ nameZh: '卡纸', parentId: printer.id })).json();
    expect(jam).toMatchObject({ parentId: printer.id, nameEn: '' });
    const sw = (await post({ nameZh: '软件', position: 2 })).json();
    const net = (await post({ nameZh: '网络', position: 0 })).json();
    const pc = (await post({ nameZh: '电脑', parentId: hw.json().id })).json();

    const flat = await t.api(admin, 'GET', '/api/v1/categories');
    expect(flat.statusCode).toBe(200);
    const items: Node[] = flat.json().items;
    expect(items).toHaveLength(6);
    expect(items.find((c) => c.id === jam.id)).toMatchObject({ parentId: printer.id });
    // by position, then by name in Chinese (pinyin) order: dǎyìnjī, diànnǎo, kǎzhǐ, wǎngluò
    expect(items.map((c) => c.nameZh)).toEqual(['打印机', '电脑', '卡纸', '网络', '硬件', '软件']);
    expect(items[3].id).toBe(net.id);
    expect(items.every((c) => c.children === undefined)).toBe(true);

    const tree: Node[] = (await t.api(admin, 'GET', '/api/v1/categories?tree=true')).json().items;
    expect(tree.map((c) => c.nameZh)).toEqual(['网络', '硬件', '软件']);
    const hwNode = tree.find((c) => c.id === hw.json().id)!;
    // same position: Chinese collation by name (打印机 dǎ before 电脑 diàn)
    expect(hwNode.children!.map((c) => c.id)).toEqual([printer.id, pc.id]);
    expect(hwNode.children![0].children!.map((c) => c.nameZh)).toEqual(['卡纸']);
    expect(hwNode.children![0].children![0].children).toEqual([]);
    expect(tree.find((c) => c.id === sw.id)!.children).toEqual([]);
  });

  it('refuses moves that make a cycle, and trees deeper than 5 levels', async () => {
    const a = (await post({ nameZh: '一级' })).json();
    const b = (await post({ nameZh: '二级', parentId: a.id })).json();
    const c = (await post({ nameZh: '三级', parentId: b.id })).json();
    const d = (await post({ nameZh: '四级', parentId: c.id })).json();
    const e = (await post({ nameZh: '五级', parentId: d.id })).json();
    expect(e.parentId).toBe(d.id);

    const tooDeep = await post({ nameZh: '六级', parentId: e.id });
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parentId' });
    expect(tooDeep.json().error.details[0].code).toBe('too_deep');
    expect(tooDeep.json().error.message).toMatch(/at most 5 levels/);

    const cycle = await t.api(admin, 'PATCH', `/api/v1/categories/${a.id}`, { parentId: d.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error).toMatchObject({ field: 'parentId', details: [expect.objectContaining({ code: 'cycle' })] });
    const self = await t.api(admin, 'PATCH', `/api/v1/categories/${b.id}`, { parentId: b.id });
    expect(self.json().error.details[0].code).toBe('cycle');

    // moving a 3-level branch (三级 > 四级 > 五级) under a depth-3 node would make 6 levels
    const other = (await post({ nameZh: '别的根' })).json();
    const other2 = (await post({ nameZh: '别的二级', parentId: other.id })).json();
    const other3 = (await post({ nameZh: '别的三级', parentId: other2.id })).json();
    const deepMove = await t.api(admin, 'PATCH', `/api/v1/categories/${c.id}`, { parentId: other3.id });
    expect(deepMove.json().error.details[0].code).toBe('too_deep');
    // under a depth-2 node it fits exactly
    const fits = await t.api(admin, 'PATCH', `/api/v1/categories/${c.id}`, { parentId: other2.id });
    expect(fits.statusCode).toBe(200);
    expect(fits.json().parentId).toBe(other2.id);
    // and to the top level
    const toTop = await t.api(admin, 'PATCH', `/api/v1/categories/${c.id}`, { parentId: null });
    expect(toTop.json().parentId).toBeNull();
  });

  it('renames, reorders and deactivates; customers see only active branches', async () => {
    const root = (await post({ nameZh: '空调' })).json();
    const child = (await post({ nameZh: '不制冷', parentId: root.id })).json();
    const kept = (await post({ nameZh: '漏水', parentId: root.id })).json();
    const renamed = await t.api(admin, 'PATCH', `/api/v1/categories/${child.id}`, { nameZh: '制冷故障', nameEn: 'Not cooling', position: 3 });
    expect(renamed.json()).toMatchObject({ nameZh: '制冷故障', nameEn: 'Not cooling', position: 3, parentId: root.id });

    const off = await t.api(admin, 'PATCH', `/api/v1/categories/${child.id}`, { active: false });
    expect(off.json().active).toBe(false);
    const contact = (await t.api(admin, 'POST', '/api/v1/contacts', { name: '门户客户', identities: [{ kind: 'email', value: 'kehu@example.cn' }] })).json();
    const customer = await userToken(t, acme, 'customer', { contactId: contact.id });
    const seen = (await t.api(customer, 'GET', '/api/v1/categories')).json().items.map((c: Node) => c.id);
    expect(seen).toContain(kept.id);
    expect(seen).not.toContain(child.id);
    // a customer cannot ask for inactive ones
    expect((await t.api(customer, 'GET', '/api/v1/categories?active=false')).json().items.map((c: Node) => c.id)).not.toContain(child.id);

    await t.api(admin, 'PATCH', `/api/v1/categories/${root.id}`, { active: false });
    const afterRootOff = (await t.api(customer, 'GET', '/api/v1/categories?tree=true')).json().items.map((c: Node) => c.id);
    expect(afterRootOff).not.toContain(root.id);
    expect((await t.api(customer, 'GET', '/api/v1/categories')).json().items.map((c: Node) => c.id)).not.toContain(kept.id);

    // staff see everything, or filter
    const staffAll = (await t.api(admin, 'GET', '/api/v1/categories')).json().items.map((c: Node) => c.id);
    expect(staffAll).toEqual(expect.arrayContaining([root.id, child.id, kept.id]));
    const inactive = (await t.api(admin, 'GET', '/api/v1/categories?active=false')).json().items.map((c: Node) => c.id);
    expect(inactive.sort()).toEqual([root.id, child.id].sort());
    const active = (await t.api(admin, 'GET', '/api/v1/categories?active=true')).json().items.map((c: Node) => c.id);
    expect(active).not.toContain(kept.id);
  });

  it('refuses bad input and duplicate names among siblings', async () => {
    const unknown = await post({ nameZh: '某类', colour: 'red' });
    expect(unknown.json().error.details).toContainEqual(expect.objectContaining({ field: 'colour', code: 'unknown_field' }));
    expect((await post({ nameZh: 7 })).json().error.field).toBe('nameZh');
    expect((await post({ nameZh: '' })).json().error.field).toBe('nameZh');
    expect((await post({ nameZh: '某类', position: 1.5 })).json().error.field).toBe('position');
    expect((await post({ nameZh: '某类', parentId: 'root' })).json().error.field).toBe('parentId');
    const noParent = await post({ nameZh: '某类', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(noParent.statusCode).toBe(404);
    expect(noParent.json().error.field).toBe('parentId');

    const parent = (await post({ nameZh: '门禁' })).json();
    await post({ nameZh: '刷卡', parentId: parent.id });
    const dup = await post({ nameZh: ' 刷卡 ', parentId: parent.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'CONFLICT', field: 'nameZh' });
    expect((await post({ nameZh: '刷卡' })).statusCode).toBe(201); // same name elsewhere is fine

    const badQuery = await t.api(admin, 'GET', '/api/v1/categories?tree=yes');
    expect(badQuery.json().error.field).toBe('tree');
    const unknownQuery = await t.api(admin, 'GET', '/api/v1/categories?depth=2');
    expect(unknownQuery.json().error.details[0]).toMatchObject({ field: 'depth', code: 'unknown_field' });
    const empty = await t.api(admin, 'PATCH', `/api/v1/categories/${parent.id}`, {});
    expect(empty.json().error.field).toBe('body');
    const missing = await t.api(admin, 'PATCH', '/api/v1/categories/00000000-0000-4000-8000-000000000000', { nameZh: '无' });
    expect(missing.statusCode).toBe(404);
    const keyish = await t.api(admin, 'PATCH', `/api/v1/categories/${parent.id}`, { id: parent.id });
    expect(keyish.json().error.details[0].code).toBe('unknown_field');
  });

  it('only admins write; staff and customers read', async () => {
    const agent = await userToken(t, acme, 'agent');
    const supervisor = await userToken(t, acme, 'supervisor');
    expect((await t.api(agent, 'POST', '/api/v1/categories', { nameZh: '坐席建的' })).statusCode).toBe(403);
    expect((await t.api(supervisor, 'POST', '/api/v1/categories', { nameZh: '主管建的' })).statusCode).toBe(403);
    const any = (await t.api(agent, 'GET', '/api/v1/categories')).json().items[0];
    expect((await t.api(agent, 'PATCH', `/api/v1/categories/${any.id}`, { nameZh: '改名' })).statusCode).toBe(403);
    expect((await t.api(agent, 'GET', '/api/v1/categories?tree=true')).statusCode).toBe(200);
    expect((await t.api(null, 'GET', '/api/v1/categories')).statusCode).toBe(401);
  });

  it('keeps tenants apart', async () => {
    const mine = (await post({ nameZh: '本租户分类' })).json();
    const other = await t.tenant('别家分类');
    expect((await t.api(other.adminToken, 'GET', '/api/v1/categories')).json().items).toEqual([]);
    expect((await t.api(other.adminToken, 'PATCH', `/api/v1/categories/${mine.id}`, { nameZh: '偷改' })).statusCode).toBe(404);
    const under = await t.api(other.adminToken, 'POST', '/api/v1/categories', { nameZh: '挂到别人下面', parentId: mine.id });
    expect(under.statusCode).toBe(404);
  });
});
