import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createStaff } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// GET / PATCH /tenant: what the console needs to brand itself and show times and languages.
describe('tenant settings', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('华东电梯维保');
  });
  afterAll(() => t.close());

  const patch = (body: unknown, token = acme.adminToken) => t.api(token, 'PATCH', '/api/v1/tenant', body);

  it('answers the name and the settings with their defaults filled in, to everyone signed in', async () => {
    const res = await t.api(acme.adminToken, 'GET', '/api/v1/tenant');
    expect(res.json()).toEqual({
      id: acme.id,
      slug: acme.slug,
      name: '华东电梯维保',
      settings: { timeZone: 'Asia/Shanghai', languages: ['zh-CN', 'en-US'], defaultLanguage: 'zh-CN', logoUrl: null },
      createdAt: expect.any(String),
    });
    const customer = await createCustomer(t, acme.adminToken, '客户何女士');
    expect((await t.api(customer.token, 'GET', '/api/v1/tenant')).json().name).toBe('华东电梯维保');
  });

  it('lets an admin change the name, time zone, languages and logo', async () => {
    const res = await patch({ name: ' 华东电梯 ', settings: { timeZone: 'asia/chongqing', languages: ['en-US'], defaultLanguage: 'en-US', logoUrl: 'https://cdn.example.cn/华东/logo.png' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '华东电梯', settings: { timeZone: 'Asia/Shanghai', languages: ['en-US'], defaultLanguage: 'en-US', logoUrl: expect.stringMatching(/^https:\/\/cdn\.example\.cn\//) } });
    // settings not given stay; null removes the logo
    const again = (await patch({ settings: { timeZone: 'Europe/Berlin', logoUrl: null } })).json();
    expect(again.settings).toEqual({ timeZone: 'Europe/Berlin', languages: ['en-US'], defaultLanguage: 'en-US', logoUrl: null });
    expect((await t.api(acme.adminToken, 'GET', '/api/v1/tenant')).json().settings.timeZone).toBe('Europe/Berlin');
  });

  it('refuses what the console could not use, and non-admins', async () => {
    const field = async (body: unknown) => {
      const res = await patch(body);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.field as string;
    };
    expect(await field({ settings: { timeZone: '北京时间' } })).toBe('settings.timeZone');
    expect(await field({ settings: { timeZone: '+08:00' } })).toBe('settings.timeZone');
    expect(await field({ settings: { languages: ['zh-CN'], defaultLanguage: 'en-US' } })).toBe('settings.defaultLanguage');
    expect(await field({ settings: { languages: ['fr-FR'] } })).toContain('settings.languages');
    expect(await field({ settings: { languages: [] } })).toContain('settings.languages');
    expect(await field({ settings: { logoUrl: 'javascript:alert(1)' } })).toContain('settings.logoUrl');
    expect(await field({ settings: { logoUrl: 'ftp://files.example.cn/logo.png' } })).toContain('settings.logoUrl');
    expect(await field({ settings: { theme: 'dark' } })).toContain('settings');
    expect(await field({ name: '   ' })).toContain('name');
    const agent = await createStaff(t, acme.adminToken, '坐席小吕', 'agent');
    expect((await patch({ name: '坐席改名' }, agent.token)).statusCode).toBe(403);
    expect((await t.api(acme.adminToken, 'GET', '/api/v1/tenant')).json().name).toBe('华东电梯');
  });
});
