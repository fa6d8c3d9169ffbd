import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { fieldsInvalid, invalid, type FieldIssue } from '../../platform/errors';
import { actorOf } from '../../platform/http/auth';
import { assertStorablePart } from '../../platform/http/multipart-text';
import { created, ErrorBody, file, IdParams, ok } from '../../platform/http/schemas';
import { contentDisposition } from './attachment-rules';
import {
  AttachmentList,
  AttachmentSchema,
  LinkBody,
  LinkList,
  LinkParams,
  LinkView,
  SubtaskList,
  UnlinkQuery,
  UploadBody,
  UploadFields,
  WatcherList,
  WatcherParams,
} from './collaboration-schemas';
import { downloadAttachment } from './download-attachment';
import { linkTickets, unlinkTickets } from './link-tickets';
import { listAttachments } from './list-attachments';
import { listLinks } from './list-links';
import { listSubtasks } from './list-subtasks';
import { addWatcher, listWatchers, removeWatcher } from './manage-watchers';
import { uploadAttachment } from './upload-attachment';

// Working together on tickets: watchers, linked tickets, sub-tasks, attachments.

/** The form's plain fields, checked like any other request part. */
function uploadFields(raw: Record<string, string>): { internal?: boolean } {
  const parsed = UploadFields.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i): FieldIssue => {
      const field = i.code === 'unrecognized_keys' ? i.keys[0] : String(i.path[0] ?? 'body');
      return { field, code: i.code === 'unrecognized_keys' ? 'unknown_field' : i.code, message: i.code === 'unrecognized_keys' ? `Unknown form field "${field}"; remove it` : `${field}: ${i.message}` };
    });
    throw fieldsInvalid(details);
  }
  return parsed.data.internal === undefined ? {} : { internal: parsed.data.internal === 'true' };
}

/** Reads the form up to its file part; the fields after it are read once the file has been consumed. */
async function fileOf(req: FastifyRequest): Promise<{ part: MultipartFile; fields: () => Promise<{ internal?: boolean }> }> {
  const parts = req.parts();
  const raw: Record<string, string> = {};
  const take = (fieldname: string, value: unknown) => {
    if (fieldname in raw) throw invalid(fieldname, `The form field "${fieldname}" is given twice`, 'duplicate_field');
    raw[fieldname] = String(value);
  };
  for (;;) {
    const next = await parts.next();
    if (next.done) throw invalid('file', 'Send the file as the multipart form field "file"', 'required');
    const part = next.value;
    assertStorablePart(part);
    if (part.type === 'field') {
      take(part.fieldname, part.value);
      continue;
    }
    if (part.fieldname !== 'file') {
      part.file.resume();
      throw invalid(part.fieldname, `Send the file as the form field "file", not "${part.fieldname}"`, 'unknown_field');
    }
    const fields = async () => {
      for (;;) {
        const more = await parts.next().catch((err: { code?: string }) => {
          if (err?.code === 'FST_FILES_LIMIT') throw invalid('file', 'Send one file per request', 'too_many_files');
          if (err?.code === 'FST_FIELDS_LIMIT' || err?.code === 'FST_PARTS_LIMIT') throw invalid('body', 'The form has too many fields', 'too_many_fields');
          throw err;
        });
        if (more.done) return uploadFields(raw);
        if (more.value.type === 'file') {
          more.value.file.resume();
          throw invalid('file', 'Send one file per request', 'too_many_files');
        }
        assertStorablePart(more.value);
        take(more.value.fieldname, more.value.value);
      }
    };
    return { part, fields };
  }
}

export function collaborationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // watchers
  r.get('/api/v1/tickets/:id/watchers', {
    schema: { tags: ['watchers'], summary: 'Staff watching the ticket (they are notified of new comments)', params: IdParams, response: ok(WatcherList) },
    handler: async (req) => ({ items: await listWatchers(deps, actorOf(req), req.params.id) }),
  });
  r.put('/api/v1/tickets/:id/watchers/:userId', {
    schema: {
      tags: ['watchers'],
      summary: 'Watch a ticket (yourself; admins, supervisors and agents may add colleagues). Repeating it changes nothing',
      params: WatcherParams,
      response: ok(WatcherList),
    },
    handler: async (req) => ({ items: await addWatcher(deps, actorOf(req), req.params.id, req.params.userId) }),
  });
  r.delete('/api/v1/tickets/:id/watchers/:userId', {
    schema: { tags: ['watchers'], summary: 'Stop watching a ticket; returns the remaining watchers', params: WatcherParams, response: ok(WatcherList) },
    handler: async (req) => ({ items: await removeWatcher(deps, actorOf(req), req.params.id, req.params.userId) }),
  });

  // linked tickets
  r.get('/api/v1/tickets/:id/links', {
    schema: { tags: ['links'], summary: 'Linked tickets in both directions (duplicate_of / duplicated_by, caused_by / caused, related)', params: IdParams, response: ok(LinkList) },
    handler: async (req) => ({ items: await listLinks(deps, actorOf(req), req.params.id) }),
  });
  r.post('/api/v1/tickets/:id/links', {
    schema: { tags: ['links'], summary: 'Link this ticket to another one (staff)', params: IdParams, body: LinkBody, response: { ...created(LinkView) } },
    handler: async (req, reply) => reply.status(201).send(await linkTickets(deps, actorOf(req), req.params.id, req.body)),
  });
  r.delete('/api/v1/tickets/:id/links/:targetId', {
    schema: { tags: ['links'], summary: 'Remove links to another ticket; returns the remaining links', params: LinkParams, querystring: UnlinkQuery, response: ok(LinkList) },
    handler: async (req) => ({ items: await unlinkTickets(deps, actorOf(req), req.params.id, req.params.targetId, req.query.kind) }),
  });

  // sub-tasks (created with POST /api/v1/tickets and parentId)
  r.get('/api/v1/tickets/:id/subtasks', {
    schema: { tags: ['tickets'], summary: 'Sub-tasks of a ticket and how many are done', params: IdParams, response: ok(SubtaskList) },
    handler: async (req) => listSubtasks(deps, actorOf(req), req.params.id),
  });

  // attachments
  r.get('/api/v1/tickets/:id/attachments', {
    schema: { tags: ['attachments'], summary: 'Files of a ticket (customers do not see internal ones)', params: IdParams, response: ok(AttachmentList) },
    handler: async (req) => ({ items: await listAttachments(deps, actorOf(req), req.params.id) }),
  });
  r.get('/api/v1/attachments/:id', {
    schema: {
      tags: ['attachments'],
      summary: 'Download a file (images and PDF are shown inline, everything else as a download)',
      params: IdParams,
      response: file('The bytes of the file, with the media type it was uploaded as (one of ATTACHMENT_TYPES)', ['*/*']),
    },
    handler: async (req, reply) => {
      const { attachment, body } = await downloadAttachment(deps, actorOf(req), req.params.id);
      return reply
        .header('content-type', attachment.contentType)
        .header('content-length', attachment.size)
        .header('content-disposition', contentDisposition(attachment.filename, attachment.contentType))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-cache')
        .header('etag', `"${attachment.sha256}"`)
        .send(body);
    },
  });

  // uploads: multipart only here, with the attachment limits
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: deps.limits.attachmentMaxBytes, files: 1, fields: 10, parts: 20, fieldSize: 1000 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/tickets/:id/attachments', {
      schema: {
        tags: ['attachments'],
        summary: 'Upload a file (multipart/form-data: field "file", optional field "internal" = true|false)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: UploadBody,
        response: { ...created(AttachmentSchema), 415: ErrorBody },
      },
      handler: async (req, reply) => {
        const actor = actorOf(req);
        const { part, fields } = await fileOf(req);
        try {
          const attachment = await uploadAttachment(deps, actor, req.params.id, { filename: part.filename, contentType: part.mimetype, body: part.file, fields });
          return reply.status(201).send(attachment);
        } catch (err) {
          if (!part.file.readableEnded) part.file.resume(); // let the rest of the request drain
          throw err;
        }
      },
    });
  });
}
