import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustProxyOption } from '../../src/platform/http/build-server';
import { startTestApp, type TestApp } from '../support/test-app';

// What an adversarial tester sent (issue 13): text PostgreSQL cannot store, far dates, broken multipart,
// a body that stops half-way, a framing page. Every one must answer a coded 4xx and change nothing.
describe('bad input at the HTTP boundary', () => {
  let t: TestApp;
  let token: string;
  let ticketId: string;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'gongdan-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
    t = await startTestApp({ env: { WEB_DIST_DIR: dist, BODY_TIMEOUT_MS: '400' } });
    token = (await t.tenant()).adminToken;
    const created = await t.api(token, 'POST', '/api/v1/tickets', { title: '打印机卡纸', description: '三楼打印机卡纸', requester: { name: '张三', phone: '13812345678' } });
    expect(created.statusCode).toBe(201);
    ticketId = created.json().id;
  });
  afterAll(() => t.close());

  const raw = (method: string, url: string, payload: string | Buffer, auth = true, type = 'application/json') =>
    t.app.inject({ method: method as 'POST', url, payload, headers: { 'content-type': type, ...(auth ? { authorization: `Bearer ${token}` } : {}) } });

  it.each([
    ['sign-in email', () => raw('POST', '/api/v1/auth/login', '{"email":"a\\u0000@x.cn","password":"x"}', false), 'email'],
    ['public form key', () => t.api(null, 'GET', '/api/v1/public/forms/a%00'), 'path.key'],
    ['tracking key', () => raw('POST', '/api/v1/public/tickets/track', '{"key":"a\\u0000","number":1,"code":"x"}', false), 'key'],
    ['ticket title', () => raw('POST', '/api/v1/tickets', '{"title":"打印机\\u0000","description":"x","requester":{"name":"张三"}}'), 'title'],
    ['requester name', () => raw('POST', '/api/v1/tickets', '{"title":"打印机","description":"x","requester":{"name":"张\\u0000三"}}'), 'requester.name'],
    ['contact search', () => t.api(token, 'GET', '/api/v1/contacts?q=a%00b'), 'query.q'],
    ['tag filter', () => t.api(token, 'GET', '/api/v1/tickets?tag=%E6%89%93%00'), 'query.tag'],
    ['user search', () => t.api(token, 'GET', '/api/v1/users?q=%00'), 'query.q'],
    ['bulk tags', () => raw('POST', '/api/v1/tickets/bulk', JSON.stringify({ ids: ['00000000-0000-4000-8000-000000000000'], addTags: ['a\u0000'] })), 'addTags.0'],
    ['comment with a lone surrogate', () => raw('POST', `/api/v1/tickets/${'00000000-0000-4000-8000-000000000000'}/comments`, '{"body":"好的\\ud800"}'), 'body'],
    ['a key with NUL', () => raw('PATCH', '/api/v1/tickets/00000000-0000-4000-8000-000000000000', '{"customFields":{"k\\u0000":"v"}}'), 'customFields.k\u0000'],
  ])('refuses NUL and lone surrogates: %s', async (_name, send, field) => {
    const res = await send();
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_TEXT', field });
  });

  it('refuses a JSON body that is not UTF-8 instead of storing U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from('{"title":"打印'), Buffer.from([0xff, 0xfe]), Buffer.from('","description":"x","requester":{"name":"张三"}}')]);
    const res = await raw('POST', '/api/v1/tickets', bytes);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_TEXT', details: [{ code: 'invalid_utf8' }] });
    const list = (await t.api(token, 'GET', '/api/v1/tickets?limit=100')).json().items as { title: string }[];
    expect(list.some((x) => x.title.includes('\ufffd'))).toBe(false);
  });

  it('refuses a path that is not valid UTF-8 in the API shape', async () => {
    const res = await t.api(token, 'GET', '/api/v1/public/forms/%FF');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'path' });
  });

  it.each(['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'])('refuses a date in year 99999 in %s', async (param) => {
    const res = await t.api(token, 'GET', `/api/v1/tickets?${param}=99999-01-01`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: param });
  });

  it('refuses truncated, garbage and NUL-named multipart uploads with 400', async () => {
    const part = (filename: string, end: string) =>
      `--XX\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n报修记录${end}`;
    const mp = (url: string, body: string) => raw('POST', url, body, true, 'multipart/form-data; boundary=XX');
    for (const [url, body, code] of [
      [`/api/v1/tickets/${ticketId}/attachments`, part('a.txt', ''), 'VALIDATION_FAILED'],
      [`/api/v1/tickets/${ticketId}/attachments`, 'garbage', 'VALIDATION_FAILED'],
      [`/api/v1/tickets/${ticketId}/attachments`, part('a\u0000.txt', '\r\n--XX--\r\n'), 'INVALID_TEXT'],
      ['/api/v1/imports', part('history.csv', ''), 'VALIDATION_FAILED'],
      ['/api/v1/imports', part('history\u0000.csv', '\r\n--XX--\r\n'), 'INVALID_TEXT'],
    ] as const) {
      const res = await mp(url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    expect((await t.api(token, 'GET', `/api/v1/tickets/${ticketId}/attachments`)).json().items).toEqual([]);
  });

  it('answers a cookie request with an Origin that is not a URL as cross-site, not 500', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/tickets/${ticketId}`, headers: { cookie: `gongdan_session=${token}`, origin: 'garbage', 'content-type': 'application/json' }, payload: '{"title":"x"}' });
    expect(res.statusCode).toBe(403);
  });

  it('puts a script-free CSP and no framing on pages, and no framing anywhere', async () => {
    const page = await t.api(null, 'GET', '/tickets/123');
    expect(page.headers['content-type']).toContain('text/html');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    // a revalidated page (304, no content type) keeps the page's policy: the browser merges a 304's
    // headers into its cached page, and the data policy's sandbox would leave the console blank
    const etag = String(page.headers.etag);
    const again = await t.app.inject({ method: 'GET', url: '/tickets/123', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.headers['content-security-policy']).toBe(csp);
    const docs = await t.api(null, 'GET', '/api/docs/');
    expect(String(docs.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(String(docs.headers['content-security-policy'])).not.toMatch(/script-src[^;]*unsafe-inline/);
    const api = await t.api(token, 'GET', '/api/v1/tickets');
    expect(api.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(api.headers['x-frame-options']).toBe('DENY');
  });

  it('answers 408 and closes a connection whose body stops half-way', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /api/v1/tickets HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${token}\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"title":"半`);
      });
      let got = '';
      socket.on('data', (b) => (got += b.toString()));
      socket.on('close', () => resolve(got));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    expect(answer).toContain('REQUEST_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('client address behind a reverse proxy', () => {
  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', async () => {
    const ipWith = async (setting: string, remoteAddress: string) => {
      const app = Fastify({ trustProxy: trustProxyOption(setting) });
      app.get('/ip', async (req) => req.ip);
      const res = await app.inject({ url: '/ip', remoteAddress, headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.2' } });
      await app.close();
      return res.body;
    };
    expect(await ipWith('', '127.0.0.1')).toBe('127.0.0.1');
    expect(await ipWith('127.0.0.1', '127.0.0.1')).toBe('10.0.0.2');
    expect(await ipWith('127.0.0.1, 10.0.0.0/8', '127.0.0.1')).toBe('203.0.113.9');
    expect(await ipWith('127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(await ipWith('1', '127.0.0.1')).toBe('10.0.0.2');
    expect(await ipWith('true', '127.0.0.1')).toBe('203.0.113.9');
  });
});
