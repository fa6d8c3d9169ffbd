import type { Queryable } from '../../platform/db/database';

export interface NewComment {
  id: string;
  tenantId: string;
  ticketId: string;
  authorType: 'user' | 'api_key' | 'contact' | 'system';
  authorId: string | null;
  bodyHtml: string;
  bodyText: string;
  internal: boolean;
  channel: string;
  at: Date;
}

export const commentRepository = {
  async insert(q: Queryable, c: NewComment): Promise<void> {
    await q.query(
      `INSERT INTO comments (id, tenant_id, ticket_id, author_type, author_id, body_html, body_text, internal, channel, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [c.id, c.tenantId, c.ticketId, c.authorType, c.authorId, c.bodyHtml, c.bodyText, c.internal, c.channel, c.at],
    );
  },
  /**
   * Attaches uploaded files of the ticket to a comment. A file stays internal once internal (a public
   * reply cannot publish an internal file); `uploadedBy` limits customers to their own uploads.
   */
  async attachFiles(q: Queryable, o: { commentId: string; ticketId: string; ids: string[]; internal: boolean; uploadedBy?: string | null }): Promise<number> {
    const rows = await q.query(
      `UPDATE attachments SET comment_id = $1, internal = internal OR $2
       WHERE id = ANY($3::uuid[]) AND ticket_id = $4 AND comment_id IS NULL AND ($5::uuid IS NULL OR uploaded_by = $5)
         AND (NOT internal OR $2) RETURNING id`,
      [o.commentId, o.internal, o.ids, o.ticketId, o.uploadedBy ?? null],
    );
    return rows.length;
  },
};
