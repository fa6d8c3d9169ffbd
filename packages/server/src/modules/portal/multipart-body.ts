import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../../platform/errors';
import { assertStorablePart } from '../../platform/http/multipart-text';
import { filesSizeProblem, PORTAL_FILES } from './portal-rules';

// The portal's forms with files as multipart/form-data (a phone uploads its photos as they are, not a
// third larger as base64): the form is read into the same body the JSON form sends, so one schema
// validates both and one use case runs. Each file part is cut at the portal's file limit while it
// streams (the multipart fileSize limit the route registers), and the total is checked after each file:
// a file over a limit is refused (413) before anything is stored or a ticket is begun.

/** How long a form field may be (a description is at most 10,000 characters). */
export const PORTAL_FIELD_BYTES = 64 * 1024;
/** Form fields that carry JSON (an object), not text. */
const JSON_FIELDS = new Set(['customFields']);
/** The name of the file parts (attachments.N in the answer's errors, as in the JSON form). */
const FILE_FIELD = 'files';

type Sizes = { filename: string; size: number }[];

function tooLarge(sizes: Sizes, attachmentMaxBytes: number): AppError {
  const p = filesSizeProblem(sizes, attachmentMaxBytes) ?? { field: 'attachments', message: 'A file is too large' };
  return new AppError('ATTACHMENT_TOO_LARGE', p.message, { field: p.field });
}

/** The multipart reader's refusals in the portal's words and codes. */
function partsError(err: unknown, sizes: Sizes, current: string, maxFileBytes: number, attachmentMaxBytes: number): unknown {
  const code = (err as { code?: string })?.code;
  if (code === 'FST_FILES_LIMIT') return invalid(FILE_FIELD, `Send at most ${PORTAL_FILES} files`, 'too_many');
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return invalid('body', 'The form has too many fields', 'too_many');
  // the part was cut at the limit: it is larger than that
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge([...sizes, { filename: current, size: maxFileBytes + 1 }], attachmentMaxBytes);
  return err;
}

/** Reads every part (each file fully, at most `maxFileBytes`) into the JSON form's shape. */
export async function multipartBody(req: FastifyRequest, limits: { maxFileBytes: number; attachmentMaxBytes: number }): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  const attachments: { filename: string; contentType: string; data: string }[] = [];
  const sizes: Sizes = [];
  let current = '';
  try {
    for await (const part of req.parts() as AsyncIterableIterator<Multipart>) {
      assertStorablePart(part);
      if (part.type === 'file') {
        if (part.fieldname !== FILE_FIELD) {
          part.file.resume();
          throw invalid(part.fieldname, `Send files as the form field "${FILE_FIELD}", not "${part.fieldname}"`, 'unknown_field');
        }
        current = part.filename || `attachment-${attachments.length + 1}`;
        const content = await part.toBuffer();
        sizes.push({ filename: current, size: content.length });
        if (filesSizeProblem(sizes, limits.attachmentMaxBytes)) throw tooLarge(sizes, limits.attachmentMaxBytes);
        attachments.push({ filename: current, contentType: part.mimetype || 'application/octet-stream', data: content.toString('base64') });
        continue;
      }
      const name = part.fieldname;
      if (name === 'attachments') throw invalid(name, `Send files as parts named "${FILE_FIELD}" in a multipart form`, 'unknown_field');
      if (name in body) throw invalid(name, `The form field "${name}" is given twice`, 'duplicate');
      if (part.valueTruncated) throw invalid(name, `The form field "${name}" is longer than ${PORTAL_FIELD_BYTES} bytes`, 'too_long');
      const value = String(part.value);
      if (!JSON_FIELDS.has(name)) {
        body[name] = value;
        continue;
      }
      try {
        body[name] = JSON.parse(value);
      } catch {
        throw invalid(name, `The form field "${name}" must be a JSON object, e.g. {"room":"301"}`, 'invalid_format');
      }
    }
  } catch (err) {
    throw partsError(err, sizes, current, limits.maxFileBytes, limits.attachmentMaxBytes);
  }
  if (attachments.length) body.attachments = attachments;
  return body;
}
