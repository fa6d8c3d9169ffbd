import type { Queryable } from '../../../platform/db/database';

export interface InspectionItemRow {
  item: string;
  result: 'pass' | 'fail' | 'value' | 'na';
  value: number | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Date;
}

export const inspectionRepository = {
  async ofTicket(q: Queryable, ticketId: string): Promise<InspectionItemRow[]> {
    return q.query<InspectionItemRow>('SELECT item, result, value, note, recorded_by, recorded_at FROM inspection_items WHERE tenant_id = current_tenant_id() AND ticket_id = $1 ORDER BY recorded_at, item', [ticketId]);
  },
  /** Each item's latest answer replaces the one before. */
  async upsert(q: Queryable, tenantId: string, ticketId: string, items: { item: string; result: string; value: number | null; note: string | null }[], by: string | null, at: Date): Promise<void> {
    if (!items.length) return;
    await q.query(
      `INSERT INTO inspection_items (tenant_id, ticket_id, item, result, value, note, recorded_by, recorded_at)
       SELECT $1, $2, item, result, value, note, $3, $4 FROM unnest($5::text[], $6::text[], $7::float8[], $8::text[]) AS x(item, result, value, note)
       ON CONFLICT (ticket_id, item) DO UPDATE SET result = excluded.result, value = excluded.value, note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
      [tenantId, ticketId, by, at, items.map((i) => i.item), items.map((i) => i.result), items.map((i) => i.value), items.map((i) => i.note)],
    );
  },
};
