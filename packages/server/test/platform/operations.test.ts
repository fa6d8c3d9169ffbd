import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapFirstTenant } from '../../src/modules/identity/bootstrap-first-tenant';
import { startTestApp, type TestApp } from '../support/test-app';

describe('operations surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { METRICS_TOKEN: 'scrape-secret-42' } });
  });
  afterAll(() => t.close());

  it('creates the first tenant and administrator once, on an empty database', async () => {
    const first = await bootstrapFirstTenant(t.db, { tenantName: '默认租户', adminEmail: '', adminPassword: '' });
    expect(first).toMatchObject({ created: true, email: 'admin@example.com', tenantSlug: 'default' });
    expect(first.generatedPassword).toMatch(/^Gd-.{16}9$/);
    const again = await bootstrapFirstTenant(t.db, { tenantName: '默认租户', adminEmail: '', adminPassword: '' });
    expect(again).toEqual({ created: false });
    const token = await t.login('admin@example.com', first.generatedPassword!);
    expect((await t.api(token, 'GET', '/api/v1/tenant')).json()).toMatchObject({ slug: 'default', name: '默认租户', settings: { timeZone: 'Asia/Shanghai' } });
  });

  it('answers health, metrics, the OpenAPI document and its interactive docs', async () => {
    expect((await t.api(null, 'GET', '/healthz')).json()).toEqual({ status: 'ok', database: t.db.kind });
    // metrics tell routes, load and memory: only a scraper with the token gets them
    expect((await t.api(null, 'GET', '/metrics')).statusCode).toBe(401);
    expect((await t.api('wrong-secret-42', 'GET', '/metrics')).json().error.code).toBe('UNAUTHENTICATED');
    const metrics = await t.api('scrape-secret-42', 'GET', '/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('gongdan_http_requests_total');
    expect(metrics.body).toContain('gongdan_http_request_duration_seconds_bucket');
    const doc = (await t.api(null, 'GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/tickets', '/api/v1/tickets/{id}', '/api/v1/tickets/{id}/events', '/api/v1/auth/login']));
    expect(doc.components.schemas.Ticket.properties.number).toBeDefined();
    const create = doc.paths['/api/v1/tickets'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['title', 'description']));
    expect(create.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('keeps metrics off without a token', async () => {
    const off = await startTestApp();
    try {
      const res = await off.api(null, 'GET', '/metrics');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toContain('METRICS_TOKEN');
    } finally {
      await off.close();
    }
  });

  it('answers unknown routes with a coded 404 (401 before sign-in)', async () => {
    expect((await t.api(null, 'GET', '/api/v1/nothing-here')).statusCode).toBe(401);
    const token = (await t.tenant()).adminToken;
    const res = await t.api(token, 'GET', '/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
