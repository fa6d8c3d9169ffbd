import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// What an outside tester got through the skill matrix: a UTF-8 file with one GBK character imported whole
// as mojibake, Excel zh-CN dates refused, extra fields and repeated columns taken silently, and people
// with 200+ skills although a profile holds at most 100.

let t: TestApp;
let acme: TestTenant;
let lin: { id: string; email: string; token: string };
let zhao: { id: string; email: string; token: string };
let qian: { id: string; email: string; token: string };
beforeAll(async () => {
  t = await startTestApp({ clock: true });
  acme = await t.tenant('技能矩阵边界');
  lin = await createStaff(t, acme.adminToken, '工程师林涛', 'engineer');
  zhao = await createStaff(t, acme.adminToken, '工程师赵磊', 'engineer');
  qian = await createStaff(t, acme.adminToken, '工程师钱坤', 'engineer');
});
afterAll(() => t.close());

const profileOf = async (id: string) => ((await t.api(acme.adminToken, 'GET', '/api/v1/dispatch/profiles')).json().items as Record<string, any>[]).find((p) => p.userId === id)!;
const importCsv = (payload: Buffer | string, dryRun = false) =>
  t.app.inject({ method: 'POST', url: `/api/v1/dispatch/skill-matrix/import${dryRun ? '?dryRun=true' : ''}`, headers: { authorization: `Bearer ${acme.adminToken}`, 'content-type': 'text/csv' }, payload });
const GBK_ZHANG = Buffer.from('d5c5', 'hex'); // 张 in GBK

describe('skill-matrix import: the encoding', () => {
  it('refuses a UTF-8 file with one stray GBK character, naming its line, dry run included; nothing is imported', async () => {
    const file = Buffer.concat([Buffer.from(`邮箱,技能,等级,证书\n${lin.email},电梯维修,4,特种设备作业证\n${lin.email},空调安装,3,\n${lin.email},消防检测,`), GBK_ZHANG, Buffer.from(',2,\n')]);
    for (const dryRun of [true, false]) {
      const res = await importCsv(file, dryRun);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file', details: [{ field: 'file', code: 'not_utf8', value: '4' }] });
      expect(res.json().error.message).toMatch(/Line 4/);
    }
    expect((await profileOf(lin.id)).skills).toEqual({});
  });

  it('still imports a pure GBK file as Excel zh-CN saves it, with its 2027/12/31 date', async () => {
    // 邮箱,技能,等级,证书,到期日 / <email>,电梯维修,4,特种设备作业人员证,2027/12/31 — GBK, CRLF
    const gbk = Buffer.concat([
      Buffer.from('d3cacfe42cbcbcc4dc2cb5c8bcb62cd6a4cae92cb5bdc6dac8d50d0a', 'hex'),
      Buffer.from(zhao.email),
      Buffer.from('2cb5e7ccddceacd0de2c342cccd8d6d6c9e8b1b8d7f7d2b5c8cbd4b1d6a42c323032372f31322f33310d0a', 'hex'),
    ]);
    const res = await importCsv(gbk);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 1, failed: [] });
    expect(await profileOf(zhao.id)).toMatchObject({ skills: { 电梯维修: 4 }, certifications: [{ name: '特种设备作业人员证', expires: '2027-12-31' }] });
  });
});

describe('skill-matrix import: rows and headers', () => {
  it('takes Excel zh-CN dates, refuses impossible ones, fails rows with extra fields, and refuses a repeated column', async () => {
    const csv = [
      'email,certification,expires',
      `${qian.email},电工证,2027/1/5`,
      `${qian.email},焊工证,2027年12月31日`,
      `${qian.email},高处作业证,2027-02-30`,
      `${qian.email},登高证,2028-01-01,多出来的一列`,
    ].join('\n');
    const res = await importCsv(csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().updated).toBe(2);
    expect(res.json().failed).toEqual([
      expect.objectContaining({ row: 4, issue: 'expires_invalid', value: '2027-02-30' }),
      expect.objectContaining({ row: 5, issue: 'too_many_fields', value: '4' }),
    ]);
    expect((await profileOf(qian.id)).certifications).toEqual([{ name: '电工证', expires: '2027-01-05' }, { name: '焊工证', expires: '2027-12-31' }]);

    const twice = await importCsv(`email,skill,level,email\n${qian.email},网络,3,${lin.email}\n`);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error).toMatchObject({ field: 'file', details: [{ code: 'duplicate', value: 'email' }] });
  });
});

describe('at most 100 skills a person, in the bulk edit and the import as in the profile', () => {
  it('PATCH /dispatch/skill-matrix refuses what would take a person past 100, naming them; swapping skills is fine', async () => {
    const many = Array.from({ length: 99 }, (_, i) => ({ userId: lin.id, skill: `技能${i}`, level: 2 }));
    expect((await t.api(acme.adminToken, 'PATCH', '/api/v1/dispatch/skill-matrix', { changes: many })).statusCode).toBe(200);
    const over = await t.api(acme.adminToken, 'PATCH', '/api/v1/dispatch/skill-matrix', { changes: [{ userId: lin.id, skill: '新技能A', level: 1 }, { userId: lin.id, skill: '新技能B', level: 1 }] });
    expect(over.statusCode, over.body).toBe(400);
    expect(over.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'changes', details: [{ field: 'changes', code: 'too_many', value: lin.email }] });
    expect(over.json().error.message).toContain('工程师林涛');
    expect(over.json().error.message).toMatch(/101 skills.*at most 100/);
    expect(Object.keys((await profileOf(lin.id)).skills)).toHaveLength(99);
    const swap = await t.api(acme.adminToken, 'PATCH', '/api/v1/dispatch/skill-matrix', { changes: [{ userId: lin.id, skill: '技能0', level: null }, { userId: lin.id, skill: '新技能A', level: 1 }, { userId: lin.id, skill: '新技能B', level: 1 }] });
    expect(swap.statusCode, swap.body).toBe(200);
    expect(Object.keys((await profileOf(lin.id)).skills)).toHaveLength(100);
  });

  it('the import fails the rows that would add a skill past 100 (dry run alike); a new level of a skill held is fine', async () => {
    // 林涛 has 100 now
    const csv = ['email,skill,level', `${lin.email},技能1,5`, `${lin.email},再多一个,3`, `${zhao.email},网络,2`].join('\n');
    for (const dryRun of [true, false]) {
      const res = await importCsv(csv, dryRun);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ updated: 2, failed: [{ row: 3, code: 'VALIDATION_FAILED', issue: 'too_many_skills', value: lin.email, skill: '再多一个' }] });
      expect(res.json().failed[0].message).toMatch(/100 skills/);
    }
    const skills = (await profileOf(lin.id)).skills;
    expect(Object.keys(skills)).toHaveLength(100);
    expect(skills).toMatchObject({ 技能1: 5 });
    expect(skills).not.toHaveProperty('再多一个');
  });
});
