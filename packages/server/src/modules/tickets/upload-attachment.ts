import type { Readable } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { AppError, forbidden, invalid } from '../../platform/errors';
import { storeUpload } from '../../platform/files/store-upload';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { attachmentRepository } from './attachment-repository';
import { attachmentTypeProblem, cleanFilename, mediaTypeOf } from './attachment-rules';
import { toAttachmentView, type AttachmentView } from './attachment-view';
import { eventRepository } from './event-repository';
import { ticketRepository } from './ticket-repository';
import { assertVisible } from './visibility';

export interface UploadAttachmentInput {
  filename: string;
  /** The media type the client declared for the file. */
  contentType: string;
  /** The bytes; `truncated` is set by parsers that stop reading at their own limit. */
  body: Readable & { truncated?: boolean };
  /** The form's other fields; those sent after the file are only known once the file has been read. */
  fields: () => Promise<{ internal?: boolean }>;
}


/**
 * Streams a file to storage and records it on the ticket. The row and its 'attachment.added' event commit
 * together; whenever the upload fails after the bytes were stored, the stored file is removed again.
 */
export async function uploadAttachment(deps: Deps, actor: Actor, ticketId: string, input: UploadAttachmentInput): Promise<AttachmentView> {
  const filename = cleanFilename(input.filename);
  if (!filename) throw invalid('file', 'The file needs a name', 'filename_required');
  const contentType = mediaTypeOf(input.contentType);
  const problem = attachmentTypeProblem(filename, contentType, deps.limits.attachmentTypes);
  if (problem || !contentType) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', problem ?? 'The file has no valid media type', { field: 'file' });
  // nothing is written for a ticket the actor cannot see
  await deps.db.tenant(actor.tenantId, async (q) => assertVisible(actor, await ticketRepository.byId(q, ticketId, { names: false })));

  const now = deps.clock.now();
  const id = uuidv7(now.getTime());
  const key = `${actor.tenantId}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
  const max = deps.limits.attachmentMaxBytes;
  return storeUpload(deps.files, key, input.body, max, async (stored) => {
    const { internal = false } = await input.fields();
    if (internal && actor.role === 'customer') throw forbidden('Customers cannot add internal attachments');
    return await deps.db.tenant(actor.tenantId, async (q) => {
      assertVisible(actor, await ticketRepository.byId(q, ticketId, { forUpdate: true }));
      const row = await attachmentRepository.insert(q, {
        id,
        tenant_id: actor.tenantId,
        ticket_id: ticketId,
        comment_id: null,
        filename,
        content_type: contentType,
        size: stored.size,
        sha256: stored.sha256,
        storage_key: stored.key,
        internal,
        uploaded_by: actor.id,
        created_at: now,
      });
      await eventRepository.append(q, {
        ticketId,
        kind: 'attachment.added',
        actor,
        channel: actor.role === 'customer' ? 'portal' : 'web',
        at: now,
        // a staff upload is a draft until a reply or a note carries it (and that event announces it to
        // whoever may see it): announcing it now would tell the customer of a file meant for a note
        internal: internal || actor.role !== 'customer',
        data: { attachmentId: id, filename, contentType, size: stored.size },
      });
      await ticketRepository.update(q, ticketId, { updated_at: now }, null);
      return toAttachmentView(row);
    });
  });
}
