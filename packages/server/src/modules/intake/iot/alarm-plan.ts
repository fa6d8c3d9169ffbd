import type { AlarmKind, AlarmPayload } from './iot-rules';
import { withinWindow } from './iot-rules';

// What a batch of alarms and recoveries does to the device incidents (pure): which incidents get
// repeats counted, which open a new ticket, which are resolved, which expire. The batch is applied
// with one transaction and one event per incident, however many alarms it holds.

export interface AlarmItem {
  rowId: string;
  serial: string;
  kind: AlarmKind;
  payload: AlarmPayload;
  /** when the alarm happened (alarmTime) */
  at: Date;
}

/** An incident open before the batch, as stored. */
export interface OpenIncident {
  alarmId: string;
  ticketId: string;
  count: number;
  lastAt: Date;
  /** false when its ticket was resolved or closed by staff: a new alarm opens a new ticket */
  ticketActive: boolean;
}

export interface PlannedIncident {
  serial: string;
  code: string;
  /** stored before the batch: its id and ticket */
  existing?: { alarmId: string; ticketId: string; countBefore: number };
  /** new: the alarm that opens its ticket */
  opener?: AlarmItem;
  /** repeats counted in this batch (the opener excluded) */
  added: number;
  firstAt: Date;
  lastAt: Date;
  rowIds: string[];
  recovery?: AlarmItem;
}

export interface RowOutcome {
  rowId: string;
  /** index into incidents; none for an ignored row */
  incident?: number;
  outcome: 'created' | 'counted' | 'resolved' | 'ignored';
  reason?: string;
}

export interface AlarmPlan {
  incidents: PlannedIncident[];
  /** stored incidents replaced by a new one (window passed or ticket no longer active) */
  expire: string[];
  rows: RowOutcome[];
}

export const incidentKey = (serial: string, code: string) => `${serial}\u0000${code}`;

/** Items in receipt order; `open` by incidentKey. */
export function planAlarms(items: AlarmItem[], open: Map<string, OpenIncident>, windowMs: number): AlarmPlan {
  const incidents: PlannedIncident[] = [];
  const expire: string[] = [];
  const rows: RowOutcome[] = [];
  // the current incident of each key in this batch: index, and whether it still takes repeats
  const current = new Map<string, { index: number; closed: boolean }>();
  const stored = (key: string, serial: string, code: string) => {
    const o = open.get(key);
    if (!o) return undefined;
    open.delete(key);
    incidents.push({ serial, code, existing: { alarmId: o.alarmId, ticketId: o.ticketId, countBefore: o.count }, added: 0, firstAt: o.lastAt, lastAt: o.lastAt, rowIds: [] });
    return { index: incidents.length - 1, active: o.ticketActive };
  };
  const inactive = new Set<number>();
  for (const item of items) {
    const code = item.payload.code;
    const key = incidentKey(item.serial, code);
    let cur = current.get(key);
    if (!cur) {
      const s = stored(key, item.serial, code);
      if (s) {
        cur = { index: s.index, closed: false };
        if (!s.active) inactive.add(s.index);
        current.set(key, cur);
      }
    }
    const inc = cur && !cur.closed ? incidents[cur.index] : undefined;
    if (item.kind === 'recovery') {
      // a recovery closes the incident; its ticket is resolved only if staff have not already done so
      if (!inc) {
        rows.push({ rowId: item.rowId, outcome: 'ignored', reason: 'no_open_alarm' });
        continue;
      }
      inc.recovery = item;
      inc.rowIds.push(item.rowId);
      cur!.closed = true;
      rows.push({ rowId: item.rowId, incident: cur!.index, outcome: 'resolved' });
      continue;
    }
    if (inc && !inactive.has(cur!.index) && withinWindow(inc.lastAt, item.at, windowMs)) {
      inc.added++;
      if (item.at > inc.lastAt) inc.lastAt = item.at;
      inc.rowIds.push(item.rowId);
      rows.push({ rowId: item.rowId, incident: cur!.index, outcome: 'counted' });
      continue;
    }
    if (inc?.existing) expire.push(inc.existing.alarmId);
    if (inc) cur!.closed = true;
    incidents.push({ serial: item.serial, code, opener: item, added: 0, firstAt: item.at, lastAt: item.at, rowIds: [item.rowId] });
    current.set(key, { index: incidents.length - 1, closed: false });
    rows.push({ rowId: item.rowId, incident: incidents.length - 1, outcome: 'created' });
  }
  return { incidents, expire, rows };
}
