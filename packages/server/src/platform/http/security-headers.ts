import type { FastifyInstance } from 'fastify';

// The console is a built single-page app: its scripts are files of its own origin, never inline; its
// styles are partly injected at run time by Ant Design (CSS-in-JS), hence 'unsafe-inline' for styles
// only. Images may come from rich text (https, data:) and previews (blob:). Nothing may frame any page.
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
// Everything else (JSON, files, metrics) is data, never a document: nothing in it may load or run.
const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * Security headers on every response; HTML pages get the page policy, routes may set a stricter or own one.
 * A route that serves pages must set PAGE_CSP itself: its 304 answers carry no content type, and a
 * browser merges a 304's headers into the cached page — the data policy there would sandbox the page.
 */
export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    const own = reply.getHeader('content-security-policy');
    if (own) {
      if (!String(own).includes('frame-ancestors')) reply.header('content-security-policy', `${own}; frame-ancestors 'none'`);
      return;
    }
    const type = String(reply.getHeader('content-type') ?? '');
    reply.header('content-security-policy', type.startsWith('text/html') ? PAGE_CSP : DATA_CSP);
  });
}
