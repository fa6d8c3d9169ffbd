import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEB_DIST_DIR, webDistDir } from '../../src/platform/http/web-app';
import { startTestApp, type TestApp } from '../support/test-app';

// The built web console at /: files, the SPA fallback and cache headers; a hint when it is not built.
describe('serving the web console', () => {
  let t: TestApp;
  let bare: TestApp;
  const dist = mkdtempSync(join(tmpdir(), 'gongdan-web-'));
  const INDEX = '<!doctype html><html lang="zh-CN"><head><title>工单控制台</title></head><body><div id="root"></div></body></html>';
  const JS = 'console.log("工单")';
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-3fa9c1d2.js'), JS);
    writeFileSync(join(dist, 'assets', 'index-77b0e4aa.css'), 'body{margin:0}');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    // the build's pre-compressed copies of the larger files (not of the CSS: it is sent as it is)
    for (const f of ['index.html', 'assets/index-3fa9c1d2.js']) {
      const text = f === 'index.html' ? INDEX : JS;
      writeFileSync(join(dist, `${f}.br`), brotliCompressSync(text));
      writeFileSync(join(dist, `${f}.gz`), gzipSync(text));
    }
    writeFileSync(join(dist, '.build-stamp'), 'secret-hash');
    writeFileSync(join(tmpdir(), 'gongdan-outside.txt'), 'outside');
    t = await startTestApp({ env: { WEB_DIST_DIR: dist } });
    bare = await startTestApp({ env: { WEB_DIST_DIR: join(dist, 'not-built') } });
  });
  afterAll(async () => {
    await t.close();
    await bare.close();
  });

  const get = (app: TestApp, url: string, method: 'GET' | 'HEAD' | 'POST' = 'GET') => app.app.inject({ method, url });

  it('serves index.html at / and for the console routes, never cached without revalidation', async () => {
    for (const url of ['/', '/tickets', '/tickets/10001?tab=timeline', '/views/我的待办', '/.build-stamp', '/assets']) {
      const res = await get(t, url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toBe(INDEX);
    }
    expect((await get(t, '/', 'HEAD')).statusCode).toBe(200);
    const etag = (await get(t, '/')).headers.etag as string;
    expect((await t.app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': etag } })).statusCode).toBe(304);
  });

  it('serves hashed assets for a year and other files with revalidation', async () => {
    const js = await get(t, '/assets/index-3fa9c1d2.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body).toBe('console.log("工单")');
    expect((await get(t, '/assets/index-77b0e4aa.css')).headers['content-type']).toContain('text/css');
    const icon = await get(t, '/favicon.svg');
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
    // an asset of an older build is a 404, not the page
    expect((await get(t, '/assets/index-00000000.js')).statusCode).toBe(404);
  });

  it('sends the pre-compressed copy the browser takes (brotli first), the file itself otherwise', async () => {
    const as = (url: string, encoding: string) => t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding } });
    const br = await as('/assets/index-3fa9c1d2.js', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(JS);
    const gz = await as('/assets/index-3fa9c1d2.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(JS);
    const plain = await as('/assets/index-3fa9c1d2.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
    // the page at a console route too, still revalidated
    const page = await as('/tickets/10001', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(INDEX);
    // no copy of the CSS: the file as it is
    const css = await as('/assets/index-77b0e4aa.css', 'br, gzip');
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.body).toBe('body{margin:0}');
    // a copy is never reached for a missing file
    expect((await as('/assets/index-00000000.js', 'br')).statusCode).toBe(404);
  });

  it('never answers the server’s own paths with the console, nor anything outside the folder', async () => {
    expect((await get(t, '/api/v1/nothing-here')).statusCode).toBe(401);
    const token = (await t.tenant()).adminToken;
    const api = await t.api(token, 'GET', '/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    expect((await get(t, '/api/nothing')).json().error.code).toBe('NOT_FOUND');
    expect((await get(t, '/api')).statusCode).toBe(404);
    expect((await get(t, '/healthz')).json().status).toBe('ok');
    // /metrics is the server's (off without METRICS_TOKEN), never the console's page
    const metrics = await get(t, '/metrics');
    expect(metrics.statusCode).toBe(404);
    expect(metrics.json().error.message).toContain('METRICS_TOKEN');
    expect((await get(t, '/somewhere', 'POST')).statusCode).toBe(404);
    for (const url of ['/../gongdan-outside.txt', '/%2e%2e/gongdan-outside.txt', '/assets/%2e%2e/%2e%2e/gongdan-outside.txt', '/..%2fgongdan-outside.txt']) {
      const res = await get(t, url);
      expect(res.body, url).not.toContain('outside');
    }
    expect((await get(t, '/.build-stamp')).body).not.toContain('secret-hash');
  });

  it('says how to build the console when there is none', async () => {
    const res = await get(bare, '/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('npm run build:web');
    expect(res.body).toContain('WEB_DIST_DIR');
    expect((await get(bare, '/tickets')).statusCode).toBe(404);
    expect((await get(bare, '/healthz')).statusCode).toBe(200);
  });

  it('finds packages/web/dist of the repository by default', () => {
    expect(DEFAULT_WEB_DIST_DIR).toMatch(/packages[/\\]web[/\\]dist$/);
    expect(webDistDir('')).toBe(DEFAULT_WEB_DIST_DIR);
    expect(webDistDir('/srv/gongdan/web')).toBe('/srv/gongdan/web');
  });
});
