import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../src/platform/db/database';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';
import { createCustomer, createStaff, createTicket, multipartBody, PDF, PNG, upload } from './helpers';

const MAX = 64 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('attachments', () => {
  let t: TestApp;
  let acme: TestTenant;
  let other: TestTenant;
  let customer: Awaited<ReturnType<typeof createCustomer>>;
  beforeAll(async () => {
    t = await startTestApp({ env: { ATTACHMENT_MAX_BYTES: String(MAX) } });
    acme = await t.tenant('深圳智慧园区');
    other = await t.tenant('杭州数据中心');
    customer = await createCustomer(t, acme.adminToken, '黄女士');
  });
  afterAll(() => t.close());

  /** Files in storage (finished or partial). */
  async function storedFiles(): Promise<string[]> {
    const root = join(t.config.DATA_DIR, 'files');
    if (!existsSync(root)) return [];
    const out: string[] = [];
    for (const name of await readdir(root, { recursive: true })) if ((await stat(join(root, name))).isFile()) out.push(name);
    return out;
  }
  const list = async (token: string, ticketId: string) => (await t.api(token, 'GET', `/api/v1/tickets/${ticketId}/attachments`)).json().items as { id: string; filename: string; internal: boolean }[];
  const download = (token: string, id: string) => t.api(token, 'GET', `/api/v1/attachments/${id}`);

  it('uploads a PNG and a Chinese-named PDF, lists and downloads them byte for byte', async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '园区摄像头离线', requester: { email: 'jk@example.cn' } });
    const png = await upload(t, acme.adminToken, ticket.id, [{ name: 'file', filename: '故障照片.png', contentType: 'image/png', value: PNG }]);
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ ticketId: ticket.id, filename: '故障照片.png', contentType: 'image/png', size: PNG.length, sha256: sha256(PNG), internal: false, commentId: null });
    expect(Date.parse(png.json().createdAt)).not.toBeNaN();
    const pdf = await upload(t, acme.adminToken, ticket.id, [{ name: 'file', filename: '电梯维修报告（三月）.pdf', contentType: 'application/pdf', value: PDF }]);
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json().filename).toBe('电梯维修报告（三月）.pdf');

    expect((await list(acme.adminToken, ticket.id)).map((a) => a.filename)).toEqual(['故障照片.png', '电梯维修报告（三月）.pdf']);

    const got = await download(acme.adminToken, png.json().id);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-length']).toBe(String(PNG.length));
    expect(got.headers['content-disposition']).toBe(`inline; filename="____.png"; filename*=UTF-8''${encodeURIComponent('故障照片.png')}`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");

    const gotPdf = await download(acme.adminToken, pdf.json().id);
    expect(gotPdf.rawPayload.equals(PDF)).toBe(true);
    expect(gotPdf.headers['content-type']).toBe('application/pdf');
    const disposition = String(gotPdf.headers['content-disposition']);
    expect(disposition.startsWith('inline; ')).toBe(true);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe('电梯维修报告（三月）.pdf');

    // anything that is not a safe preview is a download
    const csv = await upload(t, acme.adminToken, ticket.id, [{ name: 'file', filename: '设备清单.csv', contentType: 'text/csv; charset=utf-8', value: '编号,名称\n1,摄像头\n' }]);
    expect(csv.json().contentType).toBe('text/csv');
    const gotCsv = await download(acme.adminToken, csv.json().id);
    expect(String(gotCsv.headers['content-disposition']).startsWith('attachment; ')).toBe(true);
    expect(gotCsv.body).toBe('编号,名称\n1,摄像头\n');

    const events = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/events`)).json().items as { kind: string; data: Record<string, unknown> }[];
    expect(events.filter((e) => e.kind === 'attachment.added').map((e) => e.data.filename)).toEqual(['故障照片.png', '电梯维修报告（三月）.pdf', '设备清单.csv']);
    expect(await storedFiles()).toHaveLength(3);
  });

  it('refuses a file over the limit with 413 and keeps nothing', async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '监控录像导出', requester: { email: 'lx@example.cn' } });
    const files = (await storedFiles()).length;
    const big = await upload(t, acme.adminToken, ticket.id, [{ name: 'file', filename: '录像.mp4', contentType: 'video/mp4', value: Buffer.alloc(MAX + 1, 7) }]);
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', field: 'file' });
    const huge = await upload(t, acme.adminToken, ticket.id, [{ name: 'file', filename: '录像2.mp4', contentType: 'video/mp4', value: Buffer.alloc(MAX * 3, 7) }]);
    expect(huge.json().error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(await storedFiles()).toHaveLength(files);
    expect(await list(acme.adminToken, ticket.id)).toEqual([]);
    // exactly at the limit is fine
    const edge = await upload(t, acme.adminToken, ticket.id, [{ name: 'file', filename: '录像3.mp4', contentType: 'video/mp4', value: Buffer.alloc(MAX, 7) }]);
    expect(edge.statusCode).toBe(201);
    expect(edge.json().size).toBe(MAX);
  });

  it('refuses types that are not allowed, scripts and executables with 415', async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '门户网站被篡改', requester: { email: 'wz@example.cn' } });
    const files = (await storedFiles()).length;
    const refused: [string, string][] = [
      ['标志.svg', 'image/svg+xml'],
      ['页面.html', 'text/html'],
      ['脚本.js', 'application/javascript'],
      ['安装.exe', 'application/x-msdownload'],
      ['发票.pdf.exe', 'application/pdf'],
      ['清理.bat', 'text/plain'],
      ['部署.sh', 'text/plain'],
      ['补丁.ps1', 'text/plain'],
      ['图片.png', 'image/svg+xml'],
      ['压缩包.rar', 'application/x-rar-compressed'],
      ['说明.exe.', 'application/pdf'],
    ];
    for (const [filename, contentType] of refused) {
      const res = await upload(t, acme.adminToken, ticket.id, [{ name: 'file', filename, contentType, value: 'MZ\x90\x00 不该保存' }]);
      expect(res.statusCode, filename).toBe(415);
      expect(res.json().error, filename).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', field: 'file' });
    }
    expect(await storedFiles()).toHaveLength(files);
    expect(await list(acme.adminToken, ticket.id)).toEqual([]);
    // allowed by pattern: application/vnd.*
    const xlsx = await upload(t, acme.adminToken, ticket.id, [
      { name: 'file', filename: '巡检表.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', value: 'PK\x03\x04' },
    ]);
    expect(xlsx.statusCode).toBe(201);
  });

  it('refuses malformed uploads', async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '上传校验', requester: { email: 'sc@example.cn' } });
    const json = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const noFile = await upload(t, acme.adminToken, ticket.id, [{ name: 'internal', value: 'true' }]);
    expect(noFile.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    const wrongField = await upload(t, acme.adminToken, ticket.id, [{ name: 'upload', filename: 'a.png', contentType: 'image/png', value: PNG }]);
    expect(wrongField.statusCode).toBe(400);
    const badInternal = await upload(t, acme.adminToken, ticket.id, [
      { name: 'file', filename: 'a.png', contentType: 'image/png', value: PNG },
      { name: 'internal', value: '是' },
    ]);
    expect(badInternal.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'internal' });
    const unknownField = await upload(t, acme.adminToken, ticket.id, [
      { name: 'colour', value: 'red' },
      { name: 'file', filename: 'a.png', contentType: 'image/png', value: PNG },
    ]);
    expect(unknownField.json().error.details).toContainEqual(expect.objectContaining({ field: 'colour', code: 'unknown_field' }));
    const twoFiles = await upload(t, acme.adminToken, ticket.id, [
      { name: 'file', filename: 'a.png', contentType: 'image/png', value: PNG },
      { name: 'file', filename: 'b.png', contentType: 'image/png', value: PNG },
    ]);
    expect(twoFiles.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    const missingTicket = await upload(t, acme.adminToken, '00000000-0000-4000-8000-000000000000', [{ name: 'file', filename: 'a.png', contentType: 'image/png', value: PNG }]);
    expect(missingTicket.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/attachments`, headers: { 'content-type': multipartBody([]).contentType }, payload: multipartBody([]).payload });
    expect(anonymous.statusCode).toBe(401);
    expect(await list(acme.adminToken, ticket.id)).toEqual([]);
    // a browser FormData body works as well
    const form = new FormData();
    form.append('internal', 'false');
    form.append('file', new Blob([PNG], { type: 'image/png' }), '现场.png');
    const encoded = new Response(form);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/attachments`,
      headers: { authorization: `Bearer ${acme.adminToken}`, 'content-type': encoded.headers.get('content-type')! },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ filename: '现场.png', size: PNG.length });
  });

  it('keeps internal files from customers', async () => {
    const ticketId = customer.ticket.id;
    const pub = await upload(t, acme.adminToken, ticketId, [{ name: 'file', filename: '处理结果.png', contentType: 'image/png', value: PNG }]);
    const before = await upload(t, acme.adminToken, ticketId, [
      { name: 'internal', value: 'true' },
      { name: 'file', filename: '内部成本核算.pdf', contentType: 'application/pdf', value: PDF },
    ]);
    expect(before.json().internal).toBe(true);
    // the field may come after the file as well
    const after = await upload(t, acme.adminToken, ticketId, [
      { name: 'file', filename: '供应商报价.pdf', contentType: 'application/pdf', value: PDF },
      { name: 'internal', value: 'true' },
    ]);
    expect(after.json().internal).toBe(true);

    expect((await list(acme.adminToken, ticketId)).map((a) => a.filename)).toEqual(['处理结果.png', '内部成本核算.pdf', '供应商报价.pdf']);
    // a staff upload is a draft until a reply carries it: the customer learns nothing of it yet
    expect(await list(customer.token, ticketId)).toEqual([]);
    expect((await download(customer.token, pub.json().id)).statusCode).toBe(404);
    const reply = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '已处理，请看附件', attachmentIds: [pub.json().id] });
    expect(reply.statusCode).toBe(201);
    expect((await list(customer.token, ticketId)).map((a) => a.filename)).toEqual(['处理结果.png']);
    expect((await download(customer.token, pub.json().id)).statusCode).toBe(200);
    const hidden = await download(customer.token, before.json().id);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('NOT_FOUND');
    const timeline = (await t.api(customer.token, 'GET', `/api/v1/tickets/${ticketId}/events`)).json().items as { kind: string; data: { filename?: string; attachmentIds?: string[] } }[];
    expect(timeline.filter((e) => e.kind === 'attachment.added')).toEqual([]);
    expect(timeline.find((e) => e.kind === 'reply.added')?.data.attachmentIds).toEqual([pub.json().id]);

    // customers may attach files to their own ticket, never internal ones, never to others' tickets
    const mine = await upload(t, customer.token, ticketId, [{ name: 'file', filename: '报修现场.png', contentType: 'image/png', value: PNG }]);
    expect(mine.statusCode).toBe(201);
    const files = (await storedFiles()).length;
    const internal = await upload(t, customer.token, ticketId, [
      { name: 'file', filename: '偷看.png', contentType: 'image/png', value: PNG },
      { name: 'internal', value: 'true' },
    ]);
    expect(internal.statusCode).toBe(403);
    expect(await storedFiles()).toHaveLength(files);
    const foreignTicket = await createTicket(t, acme.adminToken, { title: '别人的工单', requester: { email: 'other@example.cn' } });
    expect((await upload(t, customer.token, foreignTicket.id, [{ name: 'file', filename: 'x.png', contentType: 'image/png', value: PNG }])).statusCode).toBe(404);
    const staffFile = await upload(t, acme.adminToken, foreignTicket.id, [{ name: 'file', filename: 'y.png', contentType: 'image/png', value: PNG }]);
    expect((await download(customer.token, staffFile.json().id)).statusCode).toBe(404);
    expect((await t.api(customer.token, 'GET', `/api/v1/tickets/${foreignTicket.id}/attachments`)).statusCode).toBe(404);

    // a file uploaded as public and then attached to an internal note (the console uploads first, the
    // agent then switches from reply to note) becomes internal, and the customer never heard of it
    const draft = await upload(t, acme.adminToken, ticketId, [{ name: 'file', filename: '内部草稿.png', contentType: 'image/png', value: PNG }]);
    expect(draft.json().internal).toBe(false);
    const note = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '现场照片，仅内部参考', internal: true, attachmentIds: [draft.json().id] });
    expect(note.statusCode).toBe(201);
    expect((await list(customer.token, ticketId)).map((a) => a.filename)).toEqual(['处理结果.png', '报修现场.png']);
    expect((await download(customer.token, draft.json().id)).statusCode).toBe(404);
    const seen = JSON.stringify((await t.api(customer.token, 'GET', `/api/v1/tickets/${ticketId}/events`)).json());
    expect(seen).not.toContain('内部草稿');
    expect(seen).not.toContain(draft.json().id);
    // staff still see the upload in the timeline, as an internal entry
    const staffTimeline = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticketId}/events`)).json().items as { kind: string; internal: boolean; data: { filename?: string } }[];
    expect(staffTimeline.find((e) => e.kind === 'attachment.added' && e.data.filename === '内部草稿.png')).toMatchObject({ internal: true });
  });

  it('hides files from other tenants', async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '机房温度过高', requester: { email: 'jf@example.cn' } });
    const file = await upload(t, acme.adminToken, ticket.id, [{ name: 'file', filename: '温度曲线.png', contentType: 'image/png', value: PNG }]);
    const got = await download(other.adminToken, file.json().id);
    expect(got.statusCode).toBe(404);
    expect(got.json().error.code).toBe('NOT_FOUND');
    expect((await t.api(other.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/attachments`)).statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/links`)).statusCode).toBe(404);
    expect((await upload(t, other.adminToken, ticket.id, [{ name: 'file', filename: 'z.png', contentType: 'image/png', value: PNG }])).statusCode).toBe(404);
    // an engineer who only sees their own tickets gets the same answer
    const own = await createStaff(t, acme.adminToken, '林工', 'engineer', { scope: 'own' });
    expect((await download(own.token, file.json().id)).statusCode).toBe(404);
    expect((await download(acme.adminToken, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('removes the stored file when the database refuses the row', async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '数据库故障演练', requester: { email: 'yl@example.cn' } });
    const files = (await storedFiles()).length;
    const real = t.deps.db;
    const failing = (q: Queryable): Queryable => ({
      query: (sql, params) => (sql.includes('INSERT INTO attachments') ? Promise.reject(new Error('模拟数据库故障')) : q.query(sql, params)),
    });
    t.deps.db = Object.assign(Object.create(real) as Database, { tenant: <T>(id: string, fn: (q: Queryable) => Promise<T>) => real.tenant(id, (q) => fn(failing(q))) });
    try {
      const res = await upload(t, acme.adminToken, ticket.id, [{ name: 'file', filename: '演练.png', contentType: 'image/png', value: PNG }]);
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL');
    } finally {
      t.deps.db = real;
    }
    expect(await storedFiles()).toHaveLength(files);
    expect(await list(acme.adminToken, ticket.id)).toEqual([]);
    const events = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/events`)).json().items as { kind: string }[];
    expect(events.map((e) => e.kind)).toEqual(['ticket.created']);
  });
});
