import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webFormPlugin } from '../../../src/modules/intake/web/web-plugin';
import { webFormTimings } from '../../../src/modules/intake/web/web-routes';
import { startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';
import type { TestTenant } from '../../support/test-app';

// The public web form end to end: form config and token, submission → ticket number and query code,
// tracking, spam and rate limits, duplicates; in simulated time (the clock decides token age and windows).
let t: IntakeTestApp;
let tenant: TestTenant;
let key: string;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends a submission while driving the worker, as a running server would. */
async function submit(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const p = t.api(null, 'POST', '/api/v1/public/tickets', body, headers);
  let done = false;
  void p.finally(() => (done = true));
  while (!done) {
    await t.settle();
    await sleep(20);
  }
  return p;
}

async function newForm(settings: Record<string, unknown> = {}) {
  const ch = (await t.api(tenant.adminToken, 'POST', '/api/v1/channels', { kind: 'web', name: '官网报修表单', settings })).json();
  const keyed = await t.api(tenant.adminToken, 'POST', `/api/v1/channels/${ch.id}/public-key`);
  expect(keyed.statusCode).toBe(200);
  return keyed.json() as { id: string; address: string };
}

async function tokenFor(k: string) {
  const form = await t.api(null, 'GET', `/api/v1/public/forms/${k}`);
  expect(form.statusCode).toBe(200);
  return form.json().token as string;
}

const fields = { name: '陈静', email: 'chenjing@example.cn', title: '空调不制冷', description: '会议室 301 的空调开了一小时还是不冷' };

beforeAll(async () => {
  t = await startIntakeTestApp({ plugins: [webFormPlugin], clock: true });
  tenant = await t.tenant();
  webFormTimings.waitMs = 5000;
  key = (await newForm({ perIpLimit: 100 })).address;
});
afterAll(() => t.close());

describe('web form', () => {
  it('refuses a submission whose text the database cannot store before giving a query code', async () => {
    const form = (await t.api(null, 'GET', `/api/v1/public/forms/${key}`)).json();
    t.clock.advance(5000);
    for (const [field, value] of [['description', '空调\u0000不冷'], ['name', '陈\ud800静']] as const) {
      const res = await submit({ key, token: form.token, ...fields, [field]: value });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_TEXT', field });
      expect(res.json().queryCode).toBeUndefined();
    }
    const stored = (await t.api(tenant.adminToken, 'GET', '/api/v1/intake/messages?limit=200')).json().items as { state: string }[];
    expect(stored.filter((m) => m.state === 'quarantined')).toEqual([]);
  });

  it('gives a form with a key wf_… and a token; a submission answers 201 with the ticket number and a query code that tracks it', async () => {
    expect(key).toMatch(/^wf_[0-9a-f]{24}$/);
    const form = (await t.api(null, 'GET', `/api/v1/public/forms/${key}`)).json();
    expect(form).toMatchObject({ key, honeypotField: 'website', minFillSeconds: 3 });
    t.clock.advance(5000);
    const res = await submit({ key, token: form.token, ...fields, phone: '138 0013 8000', website: '' }, { origin: 'https://www.example.cn' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const { number, queryCode, ticketId } = res.json();
    expect(queryCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const ticket = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}`)).json();
    expect(ticket).toMatchObject({ number, title: '空调不制冷', channel: 'web', requesterName: '陈静' });

    await t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '<p>维修师傅下午两点到</p>' });
    await t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '内部：压缩机可能坏了', internal: true });
    const tracked = await t.api(null, 'GET', `/api/v1/public/tickets/${number}?key=${key}&code=${queryCode.toLowerCase()}`);
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({ number, title: '空调不制冷', status: 'new' });
    expect(tracked.json().replies.map((r: any) => [r.from, r.authorName, r.text])).toEqual([['agent', '管理员', '维修师傅下午两点到']]);
    expect(tracked.body).not.toContain('压缩机');
    const posted = await t.api(null, 'POST', '/api/v1/public/tickets/track', { key, ref: String(number), code: queryCode });
    expect(posted.json().number).toBe(number);

    const wrong = await t.api(null, 'GET', `/api/v1/public/tickets/${number}?key=${key}&code=AAAA-AAAA`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
    const otherNumber = await t.api(null, 'GET', `/api/v1/public/tickets/${number + 1000}?key=${key}&code=${queryCode}`);
    expect(otherNumber.statusCode).toBe(404);
  });

  it('a repeated submission id makes one ticket and answers with the same number and code', async () => {
    const token = await tokenFor(key);
    t.clock.advance(4000);
    const body = { key, token, submissionId: '0d9c6f9e-6a55-4e0e-9a43-8d1f6c1c2b11', ...fields, title: '门禁卡失效' };
    const a = await submit(body);
    const b = await submit(body);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json()).toEqual(a.json());
    const list = (await t.api(tenant.adminToken, 'GET', '/api/v1/tickets?channel=web')).json().items.filter((x: any) => x.title === '门禁卡失效');
    expect(list).toHaveLength(1);
  });

  it('answers 202 with a reference when the ticket takes longer, and the code tracks it before and after', async () => {
    webFormTimings.waitMs = 50;
    try {
      const token = await tokenFor(key);
      t.clock.advance(4000);
      const res = await t.api(null, 'POST', '/api/v1/public/tickets', { key, token, ...fields, title: '投影仪无信号' });
      expect(res.statusCode).toBe(202);
      const { reference, queryCode } = res.json();
      const before = (await t.api(null, 'GET', `/api/v1/public/tickets/${reference}?key=${key}&code=${queryCode}`)).json();
      expect(before).toMatchObject({ status: 'received', number: null, reference });
      await t.settle();
      const after = (await t.api(null, 'GET', `/api/v1/public/tickets/${reference}?key=${key}&code=${queryCode}`)).json();
      expect(after).toMatchObject({ status: 'new', title: '投影仪无信号' });
      expect(after.number).toBeGreaterThan(0);
    } finally {
      webFormTimings.waitMs = 5000;
    }
  });

  it('refuses spam and bad input with codes, storing nothing', async () => {
    const before = (await t.api(tenant.adminToken, 'GET', '/api/v1/intake/messages?channel=web')).json().items.length;
    const token = await tokenFor(key);
    const tooFast = await t.api(null, 'POST', '/api/v1/public/tickets', { key, token, ...fields });
    expect(tooFast.statusCode).toBe(400);
    expect(tooFast.json().error.details[0]).toMatchObject({ field: 'token', code: 'too_fast' });
    t.clock.advance(4000);
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ key, token, ...fields, website: 'http://spam.example' }, 400, 'VALIDATION_FAILED', 'spam_suspected'],
      [{ key, ...fields }, 400, 'VALIDATION_FAILED', 'token_missing'],
      [{ key, token: token.replace(/\.(.)/, (_m, c) => `.${c === 'A' ? 'B' : 'A'}`), ...fields }, 400, 'VALIDATION_FAILED', 'token_invalid'],
      [{ key, token, ...fields, description: '便宜 http://a.cn http://b.cn http://c.cn http://d.cn' }, 400, 'VALIDATION_FAILED', 'too_many_links'],
      [{ key, token, ...fields, email: undefined }, 400, 'VALIDATION_FAILED', 'contact_required'],
      [{ key, token, ...fields, category: 'x' }, 400, 'VALIDATION_FAILED', 'unknown_category'],
      [{ key, token, ...fields, description: '长'.repeat(10_001) }, 400, 'VALIDATION_FAILED', 'too_big'],
      [{ key, token, ...fields, surprise: 1 }, 400, 'VALIDATION_FAILED', 'unknown_field'],
      [{ key: 'wf_doesnotexist00', token, ...fields }, 404, 'NOT_FOUND'],
    ];
    for (const [body, status, code, detail] of cases) {
      const res = await t.api(null, 'POST', '/api/v1/public/tickets', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.json().error.code).toBe(code);
      if (detail) expect(res.json().error.details[0].code).toBe(detail);
    }
    const huge = await t.api(null, 'POST', '/api/v1/public/tickets', { key, token, ...fields, description: 'x'.repeat(1_100_000) });
    expect(huge.statusCode).toBe(413);
    expect((await t.api(tenant.adminToken, 'GET', '/api/v1/intake/messages?channel=web')).json().items.length).toBe(before);
    expect((await t.api(null, 'GET', '/api/v1/public/forms/wf_doesnotexist00')).json().error).toMatchObject({ code: 'NOT_FOUND', field: 'key' });
  });

  it('limits submissions per client address in a fixed window with 429 and Retry-After; the next window accepts again', async () => {
    const limited = (await newForm({ perIpLimit: 2, windowSeconds: 600, minFillSeconds: 0, requireToken: false })).address;
    t.clock.advance(600_000 - (t.clock.now().getTime() % 600_000)); // the start of a window
    const send = (title: string) => submit({ key: limited, ...fields, title });
    expect((await send('限流一')).statusCode).toBe(201);
    expect((await send('限流二')).statusCode).toBe(201);
    const third = await send('限流三');
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('RATE_LIMITED');
    expect(third.headers['retry-after']).toBe('600');
    t.clock.advance(600_000);
    expect((await send('限流四')).statusCode).toBe(201);
  });

  it('limits tracking look-ups against guessing', async () => {
    const k = (await newForm({ trackLimit: 3, requireToken: false })).address;
    for (let i = 0; i < 3; i++) expect((await t.api(null, 'GET', `/api/v1/public/tickets/1?key=${k}&code=AAAA-AAA${i}`)).statusCode).toBe(404);
    const res = await t.api(null, 'GET', `/api/v1/public/tickets/1?key=${k}&code=AAAA-AAAZ`);
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers a browser preflight and refuses pages of origins the form does not allow', async () => {
    const pre = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/public/tickets', headers: { origin: 'https://www.example.cn', 'access-control-request-method': 'POST' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-headers']).toContain('content-type');
    const k = (await newForm({ allowedOrigins: ['https://shop.example.cn'], requireToken: false })).address;
    const res = await t.api(null, 'POST', '/api/v1/public/tickets', { key: k, ...fields }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.field).toBe('origin');
  });
});
