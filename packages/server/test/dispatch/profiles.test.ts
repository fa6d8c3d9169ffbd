import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createStaff, multipartBody } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// Dispatch profiles (智能派单): who can be sent to what — profiles, the skill matrix in bulk and from CSV.
describe('dispatch profiles', () => {
  let t: TestApp;
  let acme: TestTenant;
  let supervisor: { id: string; token: string };
  let gao: { id: string; email: string; token: string };
  let lin: { id: string; email: string; token: string };
  let agent: { id: string; email: string; token: string };
  beforeAll(async () => {
    t = await startTestApp({ clock: true });
    acme = await t.tenant('派单档案测试');
    supervisor = await createStaff(t, acme.adminToken, '主管陈志强', 'supervisor');
    gao = await createStaff(t, acme.adminToken, '工程师高峰', 'engineer');
    lin = await createStaff(t, acme.adminToken, '工程师林涛', 'engineer');
    agent = await createStaff(t, acme.adminToken, '坐席张伟', 'agent');
  });
  afterAll(() => t.close());

  const profiles = async (token = acme.adminToken) => (await t.api(token, 'GET', '/api/v1/dispatch/profiles')).json().items as Record<string, any>[];
  const profileOf = async (id: string) => (await profiles()).find((p) => p.userId === id)!;
  const put = (token: string, id: string, body: unknown) => t.api(token, 'PUT', `/api/v1/dispatch/profiles/${id}`, body);

  it('lists every active staff member, with defaults for those without a profile, and saves a full profile', async () => {
    const before = await profiles();
    expect(before.map((p) => p.name)).toEqual(expect.arrayContaining(['主管陈志强', '工程师高峰', '工程师林涛', '坐席张伟']));
    expect(before.find((p) => p.userId === gao.id)).toMatchObject({ configured: false, skills: {}, languages: ['zh'], status: 'available', home: null, role: 'engineer' });
    const res = await put(supervisor.token, gao.id, {
      skills: { 电梯维修: 4, 扶梯: 2 },
      certifications: [{ name: '特种设备作业证', expires: '2026-03-20' }],
      regions: ['上海市/浦东新区', '上海市/浦东新区'],
      area: { kind: 'radius', center: [31.23, 121.47], km: 30 },
      languages: ['zh', 'EN'],
      shift: { days: [5, 1, 2, 3, 4], start: '08:00', end: '18:00' },
      capacity: { ticket: 8, field: 5 },
      home: { lat: 31.2, lng: 121.5 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      configured: true,
      skills: { 电梯维修: 4, 扶梯: 2 },
      regions: ['上海市/浦东新区'],
      languages: ['zh', 'en'],
      shift: { days: [1, 2, 3, 4, 5] },
      home: { lat: 31.2, lng: 121.5 },
    });
    const partial = await put(acme.adminToken, gao.id, { status: 'busy' });
    expect(partial.json()).toMatchObject({ skills: { 电梯维修: 4, 扶梯: 2 }, status: 'busy', statusAt: '2026-03-02T01:00:00.000Z' });
  });

  it('refuses invalid profiles with the field that is wrong', async () => {
    const cases: [unknown, string][] = [
      [{ skills: { 电梯维修: 6 } }, 'skills.电梯维修'],
      [{ skills: { 电梯维修: 2.5 } }, 'skills.电梯维修'],
      [{ skills: { ['长'.repeat(65)]: 3 } }, `skills.${'长'.repeat(65)}`],
      [{ certifications: [{ name: '特种设备作业证', expires: '2027-02-30' }] }, 'certifications.0.expires'],
      [{ area: { kind: 'radius', center: [31.2, 121.4], km: 0.05 } }, 'area.km'],
      [{ area: { kind: 'polygon', points: [[31.2, 121.4], [31.3, 121.5]] } }, 'area.points'],
      [{ area: { kind: 'polygon', points: [[91, 121.4], [31.3, 121.5], [31.1, 121.6]] } }, 'area.points.0.0'],
      [{ shift: { days: [0, 1], start: '08:00', end: '18:00' } }, 'shift.days.0'],
      [{ shift: { days: [1], start: '8:00', end: '24:00' } }, 'shift.start'],
      [{ capacity: { field: 201 } }, 'capacity.field'],
      [{ capacity: { truck: 2 } }, 'capacity.truck'],
      [{ status: 'sleeping' }, 'status'],
      [{}, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await put(acme.adminToken, lin.id, body);
      expect([JSON.stringify(body), res.statusCode]).toEqual([JSON.stringify(body), 400]);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect([JSON.stringify(body), res.json().error.details?.[0]?.field ?? res.json().error.field]).toEqual([JSON.stringify(body), field]);
    }
    const dup = await put(acme.adminToken, lin.id, { certifications: [{ name: '电工证', expires: null }, { name: '电工证', expires: '2027-01-01' }] });
    expect(dup.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'certifications' });
    const outlet = await put(acme.adminToken, lin.id, { outletId: '01900000-0000-7000-8000-000000000000' });
    expect([outlet.statusCode, outlet.json().error.field]).toEqual([404, 'outletId']);
    const customer = await createCustomer(t, acme.adminToken, '客户王女士');
    const notStaff = await put(acme.adminToken, customer.id, { skills: { 空调: 1 } });
    expect([notStaff.statusCode, notStaff.json().error.details[0].code]).toEqual([400, 'not_staff']);
  });

  it('lets agents and engineers read only their own profile, and only managers write', async () => {
    expect((await t.api(gao.token, 'GET', `/api/v1/dispatch/profiles/${gao.id}`)).json()).toMatchObject({ userId: gao.id, skills: { 电梯维修: 4 } });
    expect((await t.api(gao.token, 'GET', `/api/v1/dispatch/profiles/${lin.id}`)).statusCode).toBe(403);
    expect((await t.api(gao.token, 'GET', '/api/v1/dispatch/profiles')).statusCode).toBe(403);
    expect((await put(gao.token, gao.id, { skills: { 电梯维修: 5 } })).statusCode).toBe(403);
    expect((await put(agent.token, gao.id, { skills: { 电梯维修: 5 } })).statusCode).toBe(403);
    expect((await t.api(agent.token, 'PATCH', '/api/v1/dispatch/skill-matrix', { changes: [{ userId: gao.id, skill: '空调', level: 1 }] })).statusCode).toBe(403);
  });

  it('edits the skill matrix in bulk, all changes or none', async () => {
    const ok = await t.api(supervisor.token, 'PATCH', '/api/v1/dispatch/skill-matrix', {
      changes: [
        { userId: gao.id, skill: '扶梯', level: null },
        { userId: gao.id, skill: '空调', level: 3 },
        { userId: lin.id, skill: '电梯维修', level: 2 },
        { userId: lin.id, skill: '电梯维修', level: 3 },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ updated: 2 });
    expect((await profileOf(gao.id)).skills).toEqual({ 电梯维修: 4, 空调: 3 });
    expect((await profileOf(lin.id)).skills).toEqual({ 电梯维修: 3 });

    const other = await t.tenant('另一家公司');
    const stranger = await createStaff(t, other.adminToken, '外租户工程师', 'engineer');
    const refused = await t.api(supervisor.token, 'PATCH', '/api/v1/dispatch/skill-matrix', {
      changes: [
        { userId: gao.id, skill: '空调', level: 5 },
        { userId: stranger.id, skill: '空调', level: 5 },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([expect.objectContaining({ field: 'changes.1.userId', code: 'not_staff' })]);
    expect((await profileOf(gao.id)).skills).toEqual({ 电梯维修: 4, 空调: 3 });
    const badLevel = await t.api(supervisor.token, 'PATCH', '/api/v1/dispatch/skill-matrix', { changes: [{ userId: gao.id, skill: '空调', level: 0 }] });
    expect([badLevel.statusCode, badLevel.json().error.field]).toEqual([400, 'changes.0.level']);
  });

  it('imports the skill matrix from CSV: good rows applied, bad rows listed, Chinese headers accepted', async () => {
    const csv = [
      '邮箱,技能,等级,证书,到期日',
      `${gao.email},电梯维修,5,特种设备作业证,2028-06-30`,
      `${lin.email.toUpperCase()},空调,2,,`,
      `nobody@example.cn,空调,2,,`,
      `${lin.email},空调,7,,`,
      `${lin.email},,,电工证,2027-13-01`,
      `${agent.email},,,普通话证书,`,
    ].join('\n');
    const form = multipartBody([{ name: 'file', filename: '技能矩阵.csv', value: csv, contentType: 'text/csv' }]);
    // a preview first: the same answer, nothing written
    const gaoBefore = await profileOf(gao.id);
    const preview = await t.app.inject({ method: 'POST', url: '/api/v1/dispatch/skill-matrix/import?dryRun=true', headers: { authorization: `Bearer ${supervisor.token}`, 'content-type': form.contentType }, payload: form.payload });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ updated: 3, dryRun: true });
    expect(preview.json().failed.map((f: { row: number }) => f.row)).toEqual([4, 5, 6]);
    expect(await profileOf(gao.id)).toEqual(gaoBefore);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/dispatch/skill-matrix/import', headers: { authorization: `Bearer ${supervisor.token}`, 'content-type': form.contentType }, payload: form.payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().updated).toBe(3);
    // rows are the file's lines as a spreadsheet shows them (the header is line 1), each with a stable issue code
    expect(res.json().failed.map((f: { row: number; code: string; issue: string; value?: string }) => [f.row, f.code, f.issue, f.value])).toEqual([
      [4, 'NOT_FOUND', 'unknown_email', 'nobody@example.cn'],
      [5, 'VALIDATION_FAILED', 'level_invalid', '7'],
      [6, 'VALIDATION_FAILED', 'expires_invalid', '2027-13-01'],
    ]);
    expect(res.json().failed[1]).toMatchObject({ skill: '空调' });
    // blank lines and a quoted field over two lines do not shift the numbers
    const spaced = await t.api(acme.adminToken, 'POST', '/api/v1/dispatch/skill-matrix/import', `email,skill,level,certification\n\nnobody@example.cn,"空调\n维修",2,\n${lin.email},网络,9,\n`, { 'content-type': 'text/csv' });
    expect(spaced.json().failed.map((f: { row: number; issue: string }) => [f.row, f.issue])).toEqual([[3, 'unknown_email'], [5, 'level_invalid']]);
    // an unreadable file says where: the line its unclosed quote opens
    const quote = await t.api(acme.adminToken, 'POST', '/api/v1/dispatch/skill-matrix/import', `email,skill,level\n${lin.email},网络,4\n${lin.email},"网络,4\n`, { 'content-type': 'text/csv' });
    expect(quote.statusCode).toBe(400);
    expect(quote.json().error).toMatchObject({ field: 'file', details: [{ code: 'broken_quote', value: '3' }] });
    const g = await profileOf(gao.id);
    expect(g.skills.电梯维修).toBe(5);
    expect(g.certifications).toEqual([{ name: '特种设备作业证', expires: '2028-06-30' }]);
    expect((await profileOf(lin.id)).skills).toEqual({ 电梯维修: 3, 空调: 2 });
    expect((await profileOf(agent.id)).certifications).toEqual([{ name: '普通话证书', expires: null }]);

    const plain = await t.api(acme.adminToken, 'POST', '/api/v1/dispatch/skill-matrix/import', `email,skill,level\n${lin.email},网络,4\n`, { 'content-type': 'text/csv' });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.json()).toEqual({ updated: 1, failed: [] });

    const noHeader = await t.api(acme.adminToken, 'POST', '/api/v1/dispatch/skill-matrix/import', `${lin.email},网络,4\n`, { 'content-type': 'text/csv' });
    expect(noHeader.statusCode).toBe(400);

    expect(noHeader.json().error).toMatchObject({ field: 'file', details: [{ code: 'unknown_columns', value: `${lin.email}、网络、4` }] });
    expect(noHeader.json().error.message).toContain('邮箱,技能,等级');
    const missing = await t.api(acme.adminToken, 'POST', '/api/v1/dispatch/skill-matrix/import', 'email,skill\na@b.cn,网络\n', { 'content-type': 'text/csv' });
    expect(missing.json().error.details[0].code).toBe('missing_columns');
    const raw = (payload: Buffer) => t.app.inject({ method: 'POST', url: '/api/v1/dispatch/skill-matrix/import', headers: { authorization: `Bearer ${acme.adminToken}`, 'content-type': 'text/csv' }, payload });
    const notUtf8 = await raw(Buffer.from([0x65, 0x6d, 0xff, 0xfe])); // neither UTF-8 nor GB18030
    expect(notUtf8.statusCode).toBe(400);
    expect(notUtf8.json().error).toMatchObject({ field: 'file', details: [{ code: 'not_utf8' }] });
    // as Excel in China saves "CSV (逗号分隔)": GBK, Chinese headers and skill
    const gbk = Buffer.concat([Buffer.from('d3cacfe42cbcbcc4dc2cb5c8bcb60a', 'hex'), Buffer.from(lin.email), Buffer.from('2ccdf8c2e72c330a', 'hex')]);
    const fromExcel = await raw(gbk);
    expect(fromExcel.statusCode, fromExcel.body).toBe(200);
    expect(fromExcel.json()).toEqual({ updated: 1, failed: [] });
    expect((await profileOf(lin.id)).skills.网络).toBe(3);
    expect((await t.api(agent.token, 'POST', '/api/v1/dispatch/skill-matrix/import', 'email,skill,level\n', { 'content-type': 'text/csv' })).statusCode).toBe(403);
  });

  it('keeps tenants apart', async () => {
    const other = await t.tenant('隔离测试公司');
    expect((await t.api(other.adminToken, 'GET', '/api/v1/dispatch/profiles')).json().items.map((p: { userId: string }) => p.userId)).not.toContain(gao.id);
    expect((await t.api(other.adminToken, 'GET', `/api/v1/dispatch/profiles/${gao.id}`)).statusCode).toBe(404);
    expect((await put(other.adminToken, gao.id, { skills: { 黑客: 5 } })).statusCode).toBe(404);
    const csv = await t.api(other.adminToken, 'POST', '/api/v1/dispatch/skill-matrix/import', `email,skill,level\n${gao.email},黑客,5\n`, { 'content-type': 'text/csv' });
    expect(csv.json()).toMatchObject({ updated: 0, failed: [{ row: 2, code: 'NOT_FOUND' }] });
    expect((await profileOf(gao.id)).skills).not.toHaveProperty('黑客');
  });
});
