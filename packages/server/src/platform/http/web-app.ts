import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { PAGE_CSP } from './security-headers';
import { fileURLToPath } from 'node:url';

/** packages/web/dist of this repository, found from the server package's own location. */
export const DEFAULT_WEB_DIST_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

/** WEB_DIST_DIR, or the repository's packages/web/dist when it is empty. */
export const webDistDir = (configured: string) => (configured ? resolve(configured) : DEFAULT_WEB_DIST_DIR);

// Paths that belong to the server: never answered with the console.
const SERVER_PATH = /^\/(?:api(?:\/|$)|healthz$|metrics$)/;
// A service worker runs under its own script's policy: it fetches and caches the app's own files.
const WORKER_CSP = "default-src 'self'; frame-ancestors 'none'";
const SERVICE_WORKERS = new Set(['field-sw.js']);
// Vite names everything under assets/ by its content hash: such a file never changes.
const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT = `Gongdan 工单 — the web console is not built yet.

Build it with \`npm run build:web\` in the repository (\`npm start\` builds it when its sources change),
or point WEB_DIST_DIR at a built console (the folder holding index.html).

The API is at /api/v1; its documentation at /api/docs.
`;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built web console at /: its files (brotli or gzip from the build's pre-compressed copies
 * when the browser takes them; long-cached under /assets/, revalidated otherwise) and index.html for
 * every other GET that is not the server's own (/api/*, /healthz, /metrics), so the console's routes
 * work on reload. Without a build, / says how to make one. The
 * folder is looked at on each request, so building while the server runs needs no restart.
 */
export async function registerWebApp(app: FastifyInstance, dir: string): Promise<void> {
  const root = resolve(dir);
  const indexHtml = join(root, 'index.html');
  const page = (reply: FastifyReply, file: string, cacheControl: string) => {
    // set here, not from the content type: a revalidated page's 304 must carry the page's policy too
    if (file.endsWith('.html')) reply.header('content-security-policy', PAGE_CSP);
    if (SERVICE_WORKERS.has(file)) reply.header('content-security-policy', WORKER_CSP);
    return reply.header('cache-control', cacheControl).sendFile(file);
  };

  await app.register(async (scope) => {
    // preCompressed: the build writes name.br and name.gz beside each file; the client's Accept-Encoding picks one
    // (Vary: accept-encoding), and a file without them is sent as it is
    await scope.register(fastifyStatic, { root, serve: false, cacheControl: false, dotfiles: 'ignore', suppressWarning: true, preCompressed: true });
    scope.get('/*', { schema: { hide: true } }, async (req, reply) => {
      const path = `/${(req.params as { '*'?: string })['*'] ?? ''}`;
      if (SERVER_PATH.test(path)) return reply.callNotFound();
      if (!(await isFile(indexHtml))) {
        if (path !== '/') return reply.callNotFound();
        return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(NOT_BUILT);
      }
      const file = resolve(root, `.${path}`);
      const inside = file.startsWith(root + sep) && !file.slice(root.length).split(sep).some((seg) => seg.startsWith('.'));
      if (inside && file !== indexHtml && (await isFile(file))) return page(reply, file.slice(root.length + 1), path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
      // a missing hashed file is an old build's: a 404, not the page (which the browser would run as script)
      if (path.startsWith('/assets/')) return reply.callNotFound();
      return page(reply, 'index.html', 'no-cache');
    });
  });
}
