import { z } from 'zod';
import { Uuid } from '../../platform/http/schemas';
import { Status } from './schemas';
import { LINK_VIEW_KINDS } from './link-rules';

// Request and response shapes of the collaboration routes: watchers, links, sub-tasks, attachments.
const Iso = z.string().describe('ISO-8601 date-time');

export const WatcherParams = z.strictObject({ id: Uuid, userId: Uuid });
export const WatcherList = z.object({
  items: z.array(z.object({ userId: Uuid, name: z.string(), email: z.string(), role: z.string(), createdAt: Iso })),
});

export { LinkBody } from './schemas';
export const LinkParams = z.strictObject({ id: Uuid, targetId: Uuid });
export const UnlinkQuery = z.strictObject({
  kind: z
    .enum(LINK_VIEW_KINDS)
    .optional()
    .describe('Which link to remove, as GET …/links names it (duplicated_by and caused remove the link the other ticket holds); all links between the two when omitted'),
});
export const LinkView = z
  .object({
    id: Uuid.describe('The other ticket'),
    number: z.number().int(),
    title: z.string(),
    status: Status,
    kind: z.enum(LINK_VIEW_KINDS).describe('Seen from this ticket: duplicate_of, duplicated_by, caused_by, caused, related'),
    direction: z.enum(['outgoing', 'incoming']),
    createdAt: Iso,
  })
  .meta({ id: 'TicketLink' });
export const LinkList = z.object({ items: z.array(LinkView) });

export const SubtaskList = z.object({
  items: z.array(
    z.object({
      id: Uuid,
      number: z.number().int(),
      title: z.string(),
      status: Status,
      priority: z.string(),
      assigneeId: Uuid.nullable(),
      assigneeName: z.string().nullable(),
      teamId: Uuid.nullable(),
      teamName: z.string().nullable(),
    }),
  ),
  total: z.number().int().describe('All sub-tasks'),
  done: z.number().int().describe('Sub-tasks resolved or closed'),
});

/** The non-file fields of an upload form (multipart values are strings). */
export const UploadFields = z.strictObject({
  internal: z.enum(['true', 'false']).optional().describe('true: only staff can see the file'),
});

export const AttachmentSchema = z
  .object({
    id: Uuid,
    ticketId: Uuid,
    commentId: Uuid.nullable(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    internal: z.boolean(),
    uploadedBy: Uuid.nullable(),
    createdAt: Iso,
  })
  .meta({ id: 'Attachment' });
export const AttachmentList = z.object({ items: z.array(AttachmentSchema) });

/** For the API description only: multipart bodies are read as a stream by the route, not validated as a whole. */
export const UploadBody = z
  .object({
    file: z.unknown().meta({ type: 'string', format: 'binary', description: 'The file; its declared Content-Type is checked against the allowed types' }),
    internal: UploadFields.shape.internal,
  })
  .nullish();
