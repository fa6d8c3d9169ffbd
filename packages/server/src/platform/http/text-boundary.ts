import type { FastifyInstance } from 'fastify';
import { decodeUtf8Strict, findTextFault, invalidText } from '../text/storable-text';

/**
 * Every text a client sends over HTTP is checked once, here, before validation and before any route
 * runs: JSON bodies must be valid UTF-8, and no string (or key) in the body, the query string or the
 * path may hold a NUL or a lone surrogate. Such input answers 400 INVALID_TEXT naming the field, so no
 * route, channel or repository ever meets text PostgreSQL cannot store. Multipart fields are checked
 * where they are read (see readMultipartFields in the routes that accept uploads).
 */
export function registerTextBoundary(app: FastifyInstance) {
  // the JSON parser fastify uses, fed strictly decoded UTF-8 instead of bytes with U+FFFD substituted
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const text = decodeUtf8Strict(body as Buffer);
    if (text === null) return done(invalidText('body', 'invalid_utf8'), undefined);
    parseJson(req, text, done);
  });

  app.addHook('preValidation', async (req) => {
    const inPath = findTextFault(req.params);
    if (inPath) throw invalidText(`path.${inPath.path}`, inPath.fault);
    const inQuery = findTextFault(req.query);
    if (inQuery) throw invalidText(`query.${inQuery.path}`, inQuery.fault);
    const inBody = findTextFault(req.body);
    if (inBody) throw invalidText(inBody.path || 'body', inBody.fault);
  });
}
