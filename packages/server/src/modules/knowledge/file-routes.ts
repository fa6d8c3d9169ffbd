import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { actorOf } from '../../platform/http/auth';
import { assertStorablePart } from '../../platform/http/multipart-text';
import { created, ErrorBody, file, IdParams, noContent } from '../../platform/http/schemas';
import { contentDisposition } from '../tickets';
import { downloadArticleFile, removeArticleFile } from './article-files';
import { FileParams, FileSchema } from './schemas';
import { uploadArticleFile } from './upload-article-file';

// An article's images and attachments: uploaded as multipart field "file", served to staff with their
// media type (images inline), removed by whoever may edit the article.
export function knowledgeFileRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/kb/articles/:id/files/:fileId', {
    schema: { tags: ['knowledge'], summary: 'Download an image or attachment of an article (staff)', params: FileParams, response: file('The bytes of the file', ['*/*']) },
    handler: async (req, reply) => {
      const { file: f, body } = await downloadArticleFile(deps, actorOf(req), req.params.id, req.params.fileId);
      return reply
        .header('content-type', f.contentType)
        .header('content-length', f.size)
        .header('content-disposition', contentDisposition(f.filename, f.contentType))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-cache')
        .header('etag', `"${f.sha256}"`)
        .send(body);
    },
  });
  r.delete('/api/v1/kb/articles/:id/files/:fileId', {
    schema: { tags: ['knowledge'], summary: 'Remove an image or attachment of an article (whoever may edit it)', params: FileParams, response: noContent() },
    handler: async (req, reply) => {
      await removeArticleFile(deps, actorOf(req), req.params.id, req.params.fileId);
      return reply.status(204).send();
    },
  });
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: deps.limits.attachmentMaxBytes, files: 1, fields: 0, parts: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/kb/articles/:id/files', {
      schema: {
        tags: ['knowledge'],
        summary: 'Upload an image or attachment of an article (multipart/form-data, field "file"); the answer has the url to put in the body',
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: z.unknown().meta({ type: 'object', properties: { file: { type: 'string', format: 'binary' } } }),
        response: { ...created(FileSchema), 413: ErrorBody, 415: ErrorBody },
      },
      handler: async (req, reply) => {
        const part = await req.file();
        if (!part) throw invalid('file', 'Send the file as the multipart form field "file"', 'required');
        assertStorablePart(part);
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw invalid(part.fieldname, `Send the file as the form field "file", not "${part.fieldname}"`, 'unknown_field');
        }
        try {
          return reply.status(201).send(await uploadArticleFile(deps, actorOf(req), req.params.id, { filename: part.filename, contentType: part.mimetype, body: part.file }));
        } catch (err) {
          if (!part.file.readableEnded) part.file.resume();
          throw err;
        }
      },
    });
  });
}
