import type { Queryable } from '../../../platform/db/database';

// The clocks a report counts: those started in a period. The only report SQL; on ticket_sla alone.

export interface ReportClockRow {
  ticket_id: string;
  metric: string;
  started_at: Date;
  due_at: Date | null;
  breached_at: Date | null;
  achieved_at: Date | null;
  paused_since: Date | null;
}

export const reportRepository = {
  async clocksStarted(q: Queryable, from: Date, to: Date, limit: number): Promise<ReportClockRow[]> {
    return q.query<ReportClockRow>(
      `SELECT ticket_id, metric, started_at, due_at, breached_at, achieved_at, paused_since FROM ticket_sla
       WHERE tenant_id = current_tenant_id() AND started_at >= $1 AND started_at < $2 ORDER BY started_at LIMIT $3`,
      [from, to, limit],
    );
  },
};
