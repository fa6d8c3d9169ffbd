import type { Queryable } from '../../platform/db/database';

export interface AttachmentRow {
  id: string;
  ticket_id: string;
  comment_id: string | null;
  filename: string;
  content_type: string;
  size: number | string;
  sha256: string;
  storage_key: string;
  internal: boolean;
  uploaded_by: string | null;
  created_at: Date;
}

const COLUMNS = 'id, ticket_id, comment_id, filename, content_type, size, sha256, storage_key, internal, uploaded_by, created_at';

export const attachmentRepository = {
  async insert(q: Queryable, a: AttachmentRow & { tenant_id: string }): Promise<AttachmentRow> {
    const [row] = await q.query<AttachmentRow>(
      `INSERT INTO attachments (id, tenant_id, ticket_id, comment_id, filename, content_type, size, sha256, storage_key, internal, uploaded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
      [a.id, a.tenant_id, a.ticket_id, a.comment_id, a.filename, a.content_type, a.size, a.sha256, a.storage_key, a.internal, a.uploaded_by, a.created_at],
    );
    return row;
  },
  async byId(q: Queryable, id: string): Promise<AttachmentRow | undefined> {
    const [row] = await q.query<AttachmentRow>(`SELECT ${COLUMNS} FROM attachments WHERE id = $1`, [id]);
    return row;
  },
  /** All of a ticket's files, or (`customer`) only those a customer may see: see customerMaySeeAttachment. */
  async forTicket(q: Queryable, ticketId: string, f: { customer?: { userId: string | null } }): Promise<AttachmentRow[]> {
    return q.query<AttachmentRow>(
      `SELECT ${COLUMNS} FROM attachments WHERE tenant_id = current_tenant_id() AND ticket_id = $1
         AND (NOT $2::boolean OR (NOT internal AND (comment_id IS NOT NULL OR uploaded_by = $3::uuid))) ORDER BY id`,
      [ticketId, !!f.customer, f.customer?.userId ?? null],
    );
  },
};
