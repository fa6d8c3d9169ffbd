import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';
import { createCustomer, createTicket, PNG, upload } from './helpers';

describe('files attached to comments, and sub-task cycles', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('附件评论');
  });
  afterAll(() => t.close());

  it('a public reply cannot publish an internal file, and a customer can attach only their own upload', async () => {
    const customer = await createCustomer(t, acme.adminToken, '赵先生');
    const ticketId = customer.ticket.id;
    const internal = (await upload(t, acme.adminToken, ticketId, [
      { name: 'internal', value: 'true' },
      { name: 'file', value: PNG, filename: '内部截图.png', contentType: 'image/png' },
    ])).json();
    const leak = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '请看附件', attachmentIds: [internal.id] });
    expect(leak.statusCode).toBe(404);
    expect(leak.json().error.field).toBe('attachmentIds');
    const list = await t.api(customer.token, 'GET', `/api/v1/tickets/${ticketId}/attachments`);
    expect(list.json().items ?? list.json()).not.toContainEqual(expect.objectContaining({ id: internal.id }));

    const staffFile = (await upload(t, acme.adminToken, ticketId, [{ name: 'file', value: PNG, filename: '说明.png', contentType: 'image/png' }])).json();
    const stolen = await t.api(customer.token, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '我的图片', attachmentIds: [staffFile.id] });
    expect(stolen.statusCode).toBe(404);
    const own = (await upload(t, customer.token, ticketId, [{ name: 'file', value: PNG, filename: '现场.png', contentType: 'image/png' }])).json();
    const ok = await t.api(customer.token, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '现场照片', attachmentIds: [own.id] });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses a parent that would make a cycle of any length', async () => {
    const a = await createTicket(t, acme.adminToken, { title: '总任务', requester: { email: 'p@x.cn' } });
    const b = await createTicket(t, acme.adminToken, { title: '子任务', requester: { email: 'p@x.cn' }, parentId: a.id });
    const c = await createTicket(t, acme.adminToken, { title: '孙任务', requester: { email: 'p@x.cn' }, parentId: b.id });
    const res = await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${a.id}`, { parentId: c.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'parentId' });
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${a.id}`)).json().subtasks).toEqual({ total: 1, done: 0 });
  });
});
