import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportWorker } from '../../src/modules/imports';
import { importChunk, LeaseLost } from '../../src/modules/imports/import-chunk';
import { importJobRepository } from '../../src/modules/imports/import-job-repository';
import { readStoredImport } from '../../src/modules/imports/read-stored-import';
import { cacheFor, retrainSweep } from '../../src/modules/intelligence';
import { templateCsv } from '../../../web/src/admin/imports/import-template';
import { createStaff, multipartBody } from '../collaboration/helpers';
import { history, historyCsv } from '../support/import-history';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// Import jobs over HTTP: an admin uploads an old helpdesk's export, a background worker imports it in
// chunks with progress committed after each, the job answers its counts and failed rows, a crashed
// process's job is taken over and finished without duplicates, and bad files are refused at once.
describe('import jobs', () => {
  let t: TestApp;
  let acme: TestTenant;
  let other: TestTenant;

  const upload = async (token: string, filename: string, content: string | Buffer, field = 'file') => {
    const { payload, contentType } = multipartBody([{ name: field, filename, value: content, contentType: 'text/csv' }]);
    return t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload });
  };
  const queued = async (filename: string, content: string | Buffer, token = acme.adminToken) => {
    const res = await upload(token, filename, content);
    expect(res.statusCode, res.body).toBe(202);
    return res.json() as { id: string; state: string; totalRows: number; fileName: string };
  };
  const job = async (id: string, token = acme.adminToken) => (await t.api(token, 'GET', `/api/v1/imports/${id}`)).json();
  const ticketCount = async (q = '') => (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/count${q}`)).json().count as number;
  const storedImports = (tenantId: string) => {
    try {
      return readdirSync(join(t.config.DATA_DIR, 'files', tenantId, 'imports'));
    } catch {
      return [];
    }
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: true });
    acme = await t.tenant('导入客户');
    other = await t.tenant('别的公司');
    const post = async (url: string, body: unknown) => (await t.api(acme.adminToken, 'POST', url, body)).json().id as string;
    const hardware = await post('/api/v1/categories', { nameZh: '硬件' });
    await post('/api/v1/categories', { nameZh: '打印机', parentId: hardware });
    for (const name of ['网络', '账号密码', '邮件']) await post('/api/v1/categories', { nameZh: name });
    for (const name of ['桌面支持组', '网络运维组']) await post('/api/v1/teams', { name });
  });
  afterAll(() => t.close());

  it('imports an uploaded CSV of a few hundred tickets in chunks: counts, failed rows with their row numbers, and the retraining notices', async () => {
    const items = history(320, 42, 'ZD');
    items[9] = { ...items[9], category: '空调' }; // row 10: a category the tenant does not have
    items[99] = { ...items[99], createdAt: '2099-01-01T00:00:00+08:00', closedAt: '2099-01-02T00:00:00+08:00' }; // row 100: in the future
    items[250] = { ...items[250], title: '' }; // row 251: no title
    const csv = '\uFEFF' + historyCsv(items); // as Excel's "CSV UTF-8" saves it
    const queuedJob = await queued('旧系统工单.csv', csv);
    expect(queuedJob).toMatchObject({ state: 'queued', totalRows: 320, fileName: '旧系统工单.csv', processedRows: 0, created: 0 });
    expect(await ticketCount()).toBe(0);

    const worker = new ImportWorker(t.deps, { chunkRows: 100, chunksPerTurn: 2 });
    expect(await worker.runOnce()).toBe(200);
    // progress is committed after each chunk; the job waits for its next turn
    expect(await job(queuedJob.id)).toMatchObject({ state: 'running', processedRows: 200, created: 198, failed: 2 });
    expect(await worker.drain()).toBe(120);

    const done = await job(queuedJob.id);
    expect(done).toMatchObject({ state: 'done', totalRows: 320, processedRows: 320, created: 317, exists: 0, failed: 3, error: null });
    expect(done.finishedAt).toBe(t.clock.now().toISOString());
    expect(done.errors.map((e: { row: number; externalId: string; code: string; field: string }) => [e.row, e.externalId, e.code, e.field])).toEqual([
      [10, 'ZD-10009', 'NOT_FOUND', 'category'],
      [100, 'ZD-10099', 'VALIDATION_FAILED', 'createdAt'],
      [251, 'ZD-10250', 'VALIDATION_FAILED', 'title'],
    ]);
    expect(done.errors[0].message).toContain('空调');
    // the refusal's reason and the value as given, for the console to say in Chinese
    expect(done.errors[0]).toMatchObject({ reason: 'not_found', value: '空调' });
    expect(done.errors[1]).toMatchObject({ reason: 'in_future', value: '2099-01-01T00:00:00+08:00' });
    expect(done.errors[2]).toMatchObject({ reason: 'required' });
    expect(await ticketCount()).toBe(317);
    // the oldest ticket keeps its old creation time
    const oldest = items.filter((_, i) => ![9, 99, 250].includes(i)).sort((x, y) => Date.parse(x.createdAt) - Date.parse(y.createdAt))[0];
    const [first] = (await t.api(acme.adminToken, 'GET', '/api/v1/tickets?sort=created_at&limit=1')).json().items;
    expect(first).toMatchObject({ title: oldest.title, status: 'closed', createdAt: new Date(oldest.createdAt).toISOString() });
    const events = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${first.id}/events`)).json().items;
    expect(events).toEqual([expect.objectContaining({ kind: 'ticket.imported', channel: 'import', actor: expect.objectContaining({ type: 'user' }) })]);
    // the file is not kept once the job is done
    expect(storedImports(acme.id)).toEqual([]);

    const listed = (await t.api(acme.adminToken, 'GET', '/api/v1/imports')).json();
    expect(listed.maxFileBytes).toBe(50 * 1024 * 1024);
    const list = listed.items;
    expect(list[0]).toMatchObject({ id: queuedJob.id, state: 'done', created: 317, failed: 3 });
    expect(list[0].errors).toBeUndefined();

    // the imported history is new labelled tickets to the background retraining
    expect(await retrainSweep(t.deps, cacheFor(t.db))).toContain(acme.id);

    // the same file again: everything is already there
    const again = await queued('旧系统工单.csv', csv);
    await worker.drain();
    expect(await job(again.id)).toMatchObject({ state: 'done', created: 0, exists: 317, failed: 3 });
    expect(await ticketCount()).toBe(317);
  }, 120_000);

  it('counts unreadable JSONL lines as failed rows with their line numbers', async () => {
    const [a, b] = history(2, 5, 'JL');
    const text = [JSON.stringify(a), '{"externalId": "JL-broken", "title": 坏的}', '', '[1, 2]', JSON.stringify(b)].join('\n');
    const j = await queued('tickets.ndjson', text);
    expect(j.totalRows).toBe(4);
    await new ImportWorker(t.deps).drain();
    const done = await job(j.id);
    expect(done).toMatchObject({ state: 'done', processedRows: 4, created: 2, failed: 2 });
    expect(done.errors.map((e: { row: number; code: string; reason: string }) => [e.row, e.code, e.reason])).toEqual([
      [2, 'MALFORMED_JSON', 'malformed_json'],
      [4, 'VALIDATION_FAILED', 'not_an_object'],
    ]);
  });

  it('fails a row whose text PostgreSQL cannot store alone, with INVALID_TEXT, its field and value, and finishes the job', async () => {
    const items = history(4, 13, 'NUL');
    items[1] = { ...items[1], title: '打印机\u0000卡纸' }; // row 2: a NUL the old system let through
    const csvJob = await queued('含空字符.csv', historyCsv(items));
    const [a, b] = history(2, 14, 'SUR');
    // a lone surrogate can only come as a JSON escape (the file itself must be valid UTF-8)
    const jsonl = [JSON.stringify(a), JSON.stringify({ ...b, requester: { name: '王\ud800芳' } })].join('\n');
    const jsonlJob = await queued('孤立代理.jsonl', jsonl);
    await new ImportWorker(t.deps).drain();
    const done = await job(csvJob.id);
    expect(done).toMatchObject({ state: 'done', processedRows: 4, created: 3, failed: 1, error: null });
    expect(done.errors).toEqual([expect.objectContaining({ row: 2, externalId: items[1].externalId, code: 'INVALID_TEXT', field: 'title', reason: 'nul', value: '打印机卡纸' })]);
    const other = await job(jsonlJob.id);
    expect(other).toMatchObject({ state: 'done', created: 1, failed: 1 });
    expect(other.errors[0]).toMatchObject({ row: 2, code: 'INVALID_TEXT', field: 'requester.name', reason: 'lone_surrogate', value: '王\ufffd芳' });
  });

  it('records a failed turn: a job whose file is gone fails with the reason instead of staying running', async () => {
    const j = await queued('会被删除.csv', historyCsv(history(2, 21, 'GONE')));
    const row = await t.db.system((q) => importJobRepository.byId(q, j.id));
    await t.deps.files.remove(row!.storage_key);
    await new ImportWorker(t.deps).drain();
    const failed = await job(j.id);
    expect(failed).toMatchObject({ state: 'failed', processedRows: 0 });
    expect(failed.error).toContain('upload it again');
    expect(failed.finishedAt).toBe(t.clock.now().toISOString());
  });

  it('imports the console’s CSV template as it is (its columns are the ones the server reads)', async () => {
    const j = await queued('工单导入模板.csv', '\uFEFF' + templateCsv());
    await new ImportWorker(t.deps).drain();
    expect(await job(j.id)).toMatchObject({ state: 'done', totalRows: 2, created: 2, failed: 0 });
  });

  it('refuses a file that cannot be read as a whole, with a stable code and what to fix, and keeps nothing of it', async () => {
    const before = (await t.api(acme.adminToken, 'GET', '/api/v1/imports')).json().items.length;
    const cases: [string, string | Buffer, string, string][] = [
      ['旧系统.csv', 'external_id,标题,created_at\nHD-9,打印机,2025-01-01T00:00:00Z\n', 'unknown_columns', '标题'],
      ['旧系统.csv', 'external_id,title\nHD-9,打印机\n', 'missing_columns', 'created_at'],
      ['旧系统.csv', 'external_id,title,created_at\nHD-9,"打印机卡纸,2025-01-01T00:00:00Z\n', 'broken_quote', 'quote'],
      ['旧系统.csv', '', 'empty', 'empty'],
      ['旧系统.csv', 'external_id,title,created_at\r\n', 'no_rows', 'no tickets'],
      ['旧系统.xlsx', 'PK\u0003\u0004', 'wrong_type', '.csv'],
      // 标题 in GBK: a Chinese Excel's default "CSV"
      ['旧系统.csv', Buffer.concat([Buffer.from('external_id,title,created_at\nHD-9,'), Buffer.from([0xb1, 0xea, 0xcc, 0xe2]), Buffer.from(',2025-01-01T00:00:00Z\n')]), 'not_utf8', 'UTF-8'],
      // the same far into the file, after what the file store streams in its first chunks
      ['旧系统.csv', Buffer.concat([Buffer.from(historyCsv(history(600, 3, 'GBK'))), Buffer.from('HD-9,'), Buffer.from([0xb1, 0xea, 0xcc, 0xe2]), Buffer.from(',2025-01-01T00:00:00Z\n')]), 'not_utf8', 'UTF-8'],
      // a quote never closed far into the file
      ['旧系统.csv', historyCsv(history(600, 3, 'QUO')) + 'HD-9,"打印机卡纸,2025-01-01T00:00:00Z\n', 'broken_quote', 'quote'],
    ];
    for (const [name, content, code, hint] of cases) {
      const res = await upload(acme.adminToken, name, content);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(400);
      const error = res.json().error;
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file', details: [{ field: 'file', code }] });
      expect(error.message).toContain(hint);
    }
    const wrongField = await upload(acme.adminToken, 'a.csv', 'external_id,title,created_at\n', 'attachment');
    expect(wrongField.statusCode).toBe(400);
    expect((await t.api(acme.adminToken, 'GET', '/api/v1/imports')).json().items).toHaveLength(before);
    expect(storedImports(acme.id)).toEqual([]);
  });

  it('fails a CSV row with more values than the header alone, with its row and line; a multi-line cell is one row', async () => {
    const csv = [
      'external_id,title,description,created_at,requester_name',
      'RG-1,打印机卡纸,"第一行',
      '第二行",2025-01-01T00:00:00Z,张三',
      'RG-2,打印机,卡纸,急,2025-01-01T00:00:00Z,李四',
      'RG-3,网络断了,,2025-01-01T00:00:00Z,王五',
    ].join('\r\n');
    const j = await queued('行宽不一.csv', csv);
    expect(j.totalRows).toBe(3);
    await new ImportWorker(t.deps).drain();
    expect(await job(j.id)).toMatchObject({
      state: 'done',
      created: 2,
      failed: 1,
      errors: [{ row: 2, externalId: null, code: 'VALIDATION_FAILED', reason: 'extra_cells', message: expect.stringContaining('Line 4 has 6 cells') }],
    });
  });

  it('refuses a file over the import limit with 413', async () => {
    const small = await startTestApp({ env: { IMPORT_MAX_BYTES: '2000' } });
    try {
      const tenant = await small.tenant('小文件');
      const { payload, contentType } = multipartBody([{ name: 'file', filename: 'big.csv', value: historyCsv(history(40, 1, 'BIG')) }]);
      const res = await small.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { authorization: `Bearer ${tenant.adminToken}`, 'content-type': contentType }, payload });
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', field: 'file' });
      expect(res.json().error.message).toContain('split it');
    } finally {
      await small.close();
    }
  });

  it('is for admins of the tenant only: another tenant gets 404 and lists nothing, an agent 403', async () => {
    const j = await queued('租户隔离.csv', historyCsv(history(3, 9, 'ISO')));
    expect((await t.api(other.adminToken, 'GET', `/api/v1/imports/${j.id}`)).statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'GET', '/api/v1/imports')).json().items).toEqual([]);
    expect((await t.api(acme.adminToken, 'GET', '/api/v1/imports/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    const agent = await createStaff(t, acme.adminToken, '坐席小王', 'agent');
    expect((await t.api(agent.token, 'GET', `/api/v1/imports/${j.id}`)).statusCode).toBe(403);
    expect((await t.api(agent.token, 'GET', '/api/v1/imports')).statusCode).toBe(403);
    expect((await upload(agent.token, 'a.csv', historyCsv(history(1, 1, 'AG')))).statusCode).toBe(403);
    // the job is imported into its own tenant only
    await new ImportWorker(t.deps).drain();
    expect((await job(j.id)).created).toBe(3);
    expect((await t.api(other.adminToken, 'GET', '/api/v1/tickets/count')).json().count).toBe(0);
  });

  it('is in the OpenAPI document with its schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/v1/imports'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/api/v1/imports'].post.responses['202']).toBeDefined();
    expect(doc.paths['/api/v1/imports/{id}'].get).toBeDefined();
    expect(doc.components.schemas.ImportJob.properties).toHaveProperty('errors');
    const rowError = doc.components.schemas.ImportJob.properties.errors.items;
    expect(Object.keys(rowError.properties)).toEqual(expect.arrayContaining(['row', 'code', 'field', 'message', 'reason', 'value']));
    expect(rowError.required).not.toContain('reason');
  });

  it('a job left running by a crashed process is taken over when its lease runs out and finishes without duplicates', async () => {
    const items = history(300, 77, 'CR');
    const j = await queued('中断的导入.csv', historyCsv(items));
    const before = await ticketCount();
    // the first process imports a chunk, then takes its next turn and dies holding the job
    const crashed = new ImportWorker(t.deps, { chunkRows: 100, chunksPerTurn: 1, leaseMs: 60_000 });
    expect(await crashed.runOnce()).toBe(100);
    const held = await t.db.system((q) => importJobRepository.claimNext(q, t.clock.now(), crashed.owner, new Date(t.clock.now().getTime() + 60_000)));
    expect(held!.id).toBe(j.id);
    // …after its next chunk's tickets were written (as by an older version that committed progress apart)
    const direct = await t.api(acme.adminToken, 'POST', '/api/v1/imports/tickets', { tickets: items.slice(100, 150) });
    expect(direct.json()).toMatchObject({ created: 50 });

    // while the lease holds, no other process touches the job
    const survivor = new ImportWorker(t.deps, { chunkRows: 100 });
    expect(await survivor.runOnce()).toBeNull();
    expect(await job(j.id)).toMatchObject({ state: 'running', processedRows: 100 });

    t.clock.advance(61_000);
    expect(await survivor.drain()).toBe(200);
    expect(await job(j.id)).toMatchObject({ state: 'done', processedRows: 300, created: 250, exists: 50, failed: 0 });
    expect(await ticketCount()).toBe(before + 300);
    const [{ n, distinct }] = await t.db.system((q) =>
      q.query<{ n: number; distinct: number }>(`SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS distinct FROM tickets WHERE tenant_id = $1 AND external_id LIKE 'CR-%'`, [acme.id]),
    );
    expect([n, distinct]).toEqual([300, 300]);

    // the crashed process, had it come back, can commit nothing on a job it no longer holds
    const rows = await readStoredImport(t.deps, held!.storage_key, held!.file_name).catch(() => []);
    await expect(importChunk(t.deps, held!, rows, { owner: crashed.owner, leaseMs: 60_000, chunkRows: 100 })).rejects.toBeInstanceOf(LeaseLost);
    expect(await ticketCount()).toBe(before + 300);
  }, 60_000);
});
