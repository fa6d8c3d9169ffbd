import type { AttachmentRow } from './attachment-repository';

// The API shape of an attachment (the storage key stays on the server).
export function toAttachmentView(a: AttachmentRow) {
  return {
    id: a.id,
    ticketId: a.ticket_id,
    commentId: a.comment_id,
    filename: a.filename,
    contentType: a.content_type,
    size: Number(a.size),
    sha256: a.sha256,
    internal: a.internal,
    uploadedBy: a.uploaded_by,
    createdAt: a.created_at.toISOString(),
  };
}

export type AttachmentView = ReturnType<typeof toAttachmentView>;
