import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { actorOf } from '../../platform/http/auth';
import { assertStorablePart } from '../../platform/http/multipart-text';
import { ErrorBody, IdParams, errorResponses, ok } from '../../platform/http/schemas';
import { getImportJob } from './get-import-job';
import { importTickets } from './import-tickets';
import { ImportJobList, ImportJobListQuery, ImportJobSchema, ImportUploadBody } from './job-schemas';
import { listImportJobs } from './list-import-jobs';
import { ImportResultSchema, ImportTicketsBody, MAX_IMPORT_ITEMS } from './schemas';
import { uploadImportFile } from './upload-import-file';

const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

export function importRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/imports/tickets', {
    // 500 tickets with their descriptions outgrow the default body limit
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags: ['imports'],
      summary: `Import historical tickets from another helpdesk (admins; up to ${MAX_IMPORT_ITEMS} per request): times, status and labels kept, no intelligence stage; each item created, already there (same externalId) or failed on its own`,
      body: ImportTicketsBody,
      response: ok(ImportResultSchema),
    },
    handler: async (req) => importTickets(deps, actorOf(req), req.body.tickets),
  });

  r.get('/api/v1/imports', {
    schema: { tags: ['imports'], summary: 'Import jobs of the tenant, newest first (admins)', querystring: ImportJobListQuery, response: ok(ImportJobList) },
    handler: async (req) => ({ items: await listImportJobs(deps, actorOf(req), req.query.limit), maxFileBytes: deps.limits.importMaxBytes }),
  });

  r.get('/api/v1/imports/:id', {
    schema: { tags: ['imports'], summary: 'One import job: state, progress, counts and the first failed rows (admins)', params: IdParams, response: ok(ImportJobSchema) },
    handler: async (req) => getImportJob(deps, actorOf(req), req.params.id),
  });

  // the upload: multipart only here, up to the import file limit
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: deps.limits.importMaxBytes, files: 1, fields: 0, parts: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/imports', {
      schema: {
        tags: ['imports'],
        summary:
          'Upload a file of historical tickets as an import job (admins; multipart/form-data, field "file": .csv with a header of known columns or .jsonl, UTF-8). ' +
          'The file is read at once — one that cannot be read as a whole is refused (400, details[0].code says why) — and imported in the background; poll GET /api/v1/imports/{id}',
        consumes: ['multipart/form-data'],
        body: ImportUploadBody,
        response: { 202: ImportJobSchema, ...errorResponses, 415: ErrorBody },
      },
      handler: async (req, reply) => {
        const actor = actorOf(req);
        const part = await req.file();
        if (!part) throw invalid('file', 'Send the file as the multipart form field "file"', 'required');
        assertStorablePart(part);
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw invalid(part.fieldname, `Send the file as the form field "file", not "${part.fieldname}"`, 'unknown_field');
        }
        try {
          return reply.status(202).send(await uploadImportFile(deps, actor, { filename: part.filename, body: part.file }));
        } catch (err) {
          if (!part.file.readableEnded) part.file.resume(); // let the rest of the request drain
          throw err;
        }
      },
    });
  });
}
