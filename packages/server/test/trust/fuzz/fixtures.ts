import { PASSWORD, type TestApp, type TestTenant } from '../../support/test-app';
import type { IdPools } from './schema-arbitrary';

// A tenant with one of everything, so that the fuzzer's valid requests name things that exist.

export interface Fixtures {
  pools: IdPools;
  /** a second session of the admin, for POST /auth/logout (so the fuzzer's own session survives) */
  spareToken: () => Promise<string>;
  /** a device key: the credential of IoT alarms and recoveries */
  deviceKey: string;
}

export async function createFixtures(t: TestApp, tenant: TestTenant): Promise<Fixtures> {
  const token = tenant.adminToken;
  const must = async (method: string, url: string, body?: unknown, expected = [200, 201, 202]) => {
    const res = await t.api(token, method, url, body);
    if (!expected.includes(res.statusCode)) throw new Error(`fixture ${method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
    return res.json();
  };
  const pools: IdPools = {};
  const add = (pool: string, ...ids: (string | number)[]) => (pools[pool] ??= []).push(...ids.map(String));

  const team = await must('POST', '/api/v1/teams', { name: '一线支持', skills: ['网络'] });
  add('teams', team.id);
  for (const [i, role] of (['agent', 'supervisor'] as const).entries()) {
    const u = await must('POST', '/api/v1/users', { email: `fuzz-${role}${i}@example.cn`, name: role === 'agent' ? '王芳' : '刘洋', role, teamIds: [team.id], password: 'Fuzz-测试-密码-2026' });
    add('users', u.id);
  }
  const org = await must('POST', '/api/v1/organizations', { name: '华东分公司', domain: 'huadong.example.cn' });
  add('organizations', org.id);
  for (const [i, name] of ['陈静', '李伟', '张三'].entries()) {
    const c = await must('POST', '/api/v1/contacts', { name, organizationId: org.id, identities: [{ kind: 'email', value: `contact${i}@huadong.example.cn` }, { kind: 'phone', value: `1380013800${i}` }] });
    add('contacts', c.id);
  }
  const category = await must('POST', '/api/v1/categories', { nameZh: '硬件', nameEn: 'Hardware' });
  const sub = await must('POST', '/api/v1/categories', { nameZh: '打印机', parentId: category.id });
  add('categories', category.id, sub.id);
  const type = await must('POST', '/api/v1/ticket-types', { key: 'repair', nameZh: '维修' });
  add('ticketTypes', type.id);
  const field = await must('POST', '/api/v1/custom-fields', { key: 'room', kind: 'text', labelZh: '房间' });
  add('customFields', field.id);
  for (const [i, title] of ['空调不制冷', '打印机卡纸', '网络断开'].entries()) {
    const ticket = await must('POST', '/api/v1/tickets', { title, description: '<p>会议室 301</p>', requester: { id: pools.contacts[i] }, categoryId: category.id, teamId: team.id, tags: ['紧急'] });
    add('tickets', ticket.id);
    add('ticketRefs', ticket.number);
    await must('POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '已派工程师处理' });
  }
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const boundary = 'fixtureboundary';
  const upload = await t.app.inject({
    method: 'POST',
    url: `/api/v1/tickets/${pools.tickets[0]}/attachments`,
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="照片.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
  if (upload.statusCode !== 201) throw new Error(`fixture upload answered ${upload.statusCode}: ${upload.body}`);
  add('attachments', upload.json().id);

  add('views', (await must('POST', '/api/v1/views', { name: '我的待办', filters: { status: ['new', 'open'] } })).id);
  add('replyTemplates', (await must('POST', '/api/v1/reply-templates', { name: '已收到', body: '您好，我们已收到您的报修。' })).id);
  add('calendars', (await must('POST', '/api/v1/calendars/from-builtin', { name: '工作日 9:00–18:00', year: 2026, isDefault: true })).id);
  add('apiKeys', (await must('POST', '/api/v1/api-keys', { name: '集成', role: 'agent' })).id);
  const device = await must('POST', '/api/v1/iot/keys', { name: '水泵网关' });
  add('iotKeys', device.id);
  add('assets', (await must('POST', '/api/v1/assets', { serial: 'PUMP-7', name: '二号水泵', organizationId: org.id })).id);

  const web = await must('POST', '/api/v1/channels', { kind: 'web', name: '官网报修表单', settings: { perIpLimit: 100000 } });
  const keyed = await must('POST', `/api/v1/channels/${web.id}/public-key`);
  add('channels', web.id);
  const phone = await must('POST', '/api/v1/channels', { kind: 'phone', name: '客服热线', address: '4008001234' });
  add('channels', phone.id);
  add('phoneChannels', phone.id);
  add('formKeys', keyed.address);
  const form = (await t.api(null, 'GET', `/api/v1/public/forms/${keyed.address}`)).json();
  add('formTokens', form.token);
  t.clock.advance(10_000); // past the form's minimum fill time
  const submitted = await t.api(null, 'POST', '/api/v1/public/tickets', { key: keyed.address, token: form.token, name: '赵敏', email: 'zhaomin@example.cn', title: '门禁卡失效', description: '早上刷卡进不了门' });
  if (![201, 202].includes(submitted.statusCode)) throw new Error(`fixture web form answered ${submitted.statusCode}: ${submitted.body}`);
  const s = submitted.json();
  add('queryCodes', s.queryCode);
  add('ticketRefs', s.reference ?? s.number);
  const inbound = await must('GET', '/api/v1/intake/messages');
  add('inbound', ...inbound.items.map((m: { id: string }) => m.id));

  const imp = await t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="旧工单.csv"\r\nContent-Type: text/csv\r\n\r\nexternal_id,title,description,requester_name,requester_email,created_at,closed_at,status,priority,category,team\r\nOLD-1,旧工单,描述,陈静,chen@example.cn,2025-01-02T03:04:05Z,,open,normal,,\r\n\r\n--${boundary}--\r\n`,
    ),
  });
  if (imp.statusCode !== 202) throw new Error(`fixture import answered ${imp.statusCode}: ${imp.body}`);
  add('imports', imp.json().id);

  // from an address of its own: the fuzzer's wrong sign-ins from 127.0.0.1 may have that address throttled
  const spareToken = async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.20.30.40', payload: { email: tenant.adminEmail, password: PASSWORD, tenant: tenant.slug } });
    if (res.statusCode !== 200) throw new Error(`spare sign-in answered ${res.statusCode}: ${res.body}`);
    return res.json().token as string;
  };
  return { pools, spareToken, deviceKey: device.key };
}
