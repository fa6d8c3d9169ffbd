import type { Queryable } from '../../platform/db/database';
import type { CalendarDay, Interval, IsoWeekday } from './engine';

export interface CalendarRow {
  id: string;
  name: string;
  description: string;
  time_zone: string;
  always_open: boolean;
  week: Record<IsoWeekday, Interval[]>;
  is_default: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface CalendarWrite {
  name: string;
  description: string;
  timeZone: string;
  alwaysOpen: boolean;
  week: Record<IsoWeekday, Interval[]>;
  isDefault: boolean;
}

const COLUMNS = 'id, name, description, time_zone, always_open, week, is_default, created_at, updated_at';

export const calendarRepository = {
  async insert(q: Queryable, tenantId: string, id: string, c: CalendarWrite, now: Date): Promise<CalendarRow> {
    const [row] = await q.query<CalendarRow>(
      `INSERT INTO business_calendars (id, tenant_id, name, description, time_zone, always_open, week, is_default, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING ${COLUMNS}`,
      [id, tenantId, c.name, c.description, c.timeZone, c.alwaysOpen, JSON.stringify(c.week), c.isDefault, now],
    );
    return row;
  },
  async update(q: Queryable, id: string, c: CalendarWrite, now: Date): Promise<CalendarRow | undefined> {
    const [row] = await q.query<CalendarRow>(
      `UPDATE business_calendars SET name = $2, description = $3, time_zone = $4, always_open = $5, week = $6, is_default = $7,
         updated_at = greatest($8::timestamptz, updated_at + interval '1 microsecond')
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, c.name, c.description, c.timeZone, c.alwaysOpen, JSON.stringify(c.week), c.isDefault, now],
    );
    return row;
  },
  async touch(q: Queryable, id: string, now: Date): Promise<void> {
    // always moves forward (the spec cache keys on it), also within one millisecond
    await q.query(`UPDATE business_calendars SET updated_at = greatest($2::timestamptz, updated_at + interval '1 microsecond') WHERE id = $1`, [id, now]);
  },
  /** Takes the default mark off every calendar of the tenant but `keepId`. */
  async clearDefault(q: Queryable, keepId: string | null): Promise<void> {
    await q.query('UPDATE business_calendars SET is_default = false WHERE tenant_id = current_tenant_id() AND is_default AND id IS DISTINCT FROM $1', [keepId]);
  },
  async byId(q: Queryable, id: string, lock = false): Promise<CalendarRow | undefined> {
    const [row] = await q.query<CalendarRow>(`SELECT ${COLUMNS} FROM business_calendars WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row;
  },
  /** The calendar's version (updated_at in microseconds) by id, or the tenant's default when id is null. */
  async version(q: Queryable, id: string | null): Promise<{ id: string; version: string } | undefined> {
    const [row] = await q.query<{ id: string; version: string }>(
      `SELECT id, (extract(epoch FROM updated_at) * 1000000)::bigint::text AS version FROM business_calendars
       WHERE CASE WHEN $1::uuid IS NULL THEN tenant_id = current_tenant_id() AND is_default ELSE id = $1 END`,
      [id],
    );
    return row;
  },
  async tenantDefault(q: Queryable): Promise<CalendarRow | undefined> {
    const [row] = await q.query<CalendarRow>(`SELECT ${COLUMNS} FROM business_calendars WHERE tenant_id = current_tenant_id() AND is_default`);
    return row;
  },
  async list(q: Queryable): Promise<CalendarRow[]> {
    return q.query<CalendarRow>(`SELECT ${COLUMNS} FROM business_calendars WHERE tenant_id = current_tenant_id() ORDER BY is_default DESC, lower(name), id`);
  },
  async count(q: Queryable): Promise<number> {
    const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM business_calendars WHERE tenant_id = current_tenant_id()');
    return row.n;
  },
  async delete(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM business_calendars WHERE id = $1 RETURNING id', [id])).length > 0;
  },
  async days(q: Queryable, calendarId: string): Promise<CalendarDay[]> {
    return q.query<CalendarDay>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name, hours FROM calendar_days WHERE calendar_id = $1 ORDER BY day`,
      [calendarId],
    );
  },
  async dayCounts(q: Queryable): Promise<Map<string, { holidays: number; workdays: number }>> {
    const rows = await q.query<{ calendar_id: string; holidays: number; workdays: number }>(
      `SELECT calendar_id, count(*) FILTER (WHERE kind = 'holiday')::int AS holidays, count(*) FILTER (WHERE kind = 'workday')::int AS workdays
       FROM calendar_days WHERE tenant_id = current_tenant_id() GROUP BY calendar_id`,
    );
    return new Map(rows.map((r) => [r.calendar_id, { holidays: r.holidays, workdays: r.workdays }]));
  },
  /** Replaces the calendar's dated days. */
  async replaceDays(q: Queryable, tenantId: string, calendarId: string, days: CalendarDay[]): Promise<void> {
    await q.query('DELETE FROM calendar_days WHERE calendar_id = $1', [calendarId]);
    if (days.length === 0) return;
    await q.query(
      `INSERT INTO calendar_days (calendar_id, tenant_id, day, kind, name, hours)
       SELECT $1, $2, d.day::date, d.kind, d.name, d.hours
       FROM jsonb_to_recordset($3::jsonb) AS d(day text, kind text, name text, hours jsonb)`,
      [calendarId, tenantId, JSON.stringify(days)],
    );
  },
};
