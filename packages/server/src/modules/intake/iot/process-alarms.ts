import type { Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { ensureAssets, type AssetRef } from '../../assets';
import { systemActor, tenantTimeZone } from '../../identity';
import { createTicket, recordTicketEvents, ticketHeadlines, updateTicket, type CreateTicketInput } from '../../tickets';
import { channelRepository } from '../channel-repository';
import { inboundRepository } from '../inbound-repository';
import { PermanentIntakeError, type ChannelConfig, type InboundRow, type Outcome } from '../intake-types';
import { routeByRules } from '../routing-rules';
import { threadRepository } from '../thread-repository';
import { incidentKey, planAlarms, type AlarmItem, type OpenIncident, type PlannedIncident } from './alarm-plan';
import { deviceAlarmRepository, type DeviceAlarmInsert } from './device-alarm-repository';
import { alarmDescription, alarmTime, alarmTitle, deviceName, PRIORITY_OF_SEVERITY, readPayload, Serial, threadKeyOf } from './iot-rules';

type Asset = AssetRef & { ownerContactId: string | null };

function readItem(row: InboundRow): AlarmItem {
  const serial = Serial.safeParse(row.meta.serial);
  if (!serial.success) throw new PermanentIntakeError('IOT_BAD_SERIAL', `The device serial ${serial.error.issues[0].message}`);
  const payload = readPayload(row.raw);
  return { rowId: row.id, serial: serial.data, kind: row.meta.kind === 'recovery' ? 'recovery' : 'alarm', payload, at: alarmTime(payload, row.receivedAt) };
}

/**
 * Opens the ticket of a new incident: requester the asset's owner, else the device itself as a
 * contact; written by the device (设备 SN-1001), its time on the tenant's clock.
 */
async function openTicket(deps: Deps, tenantId: string, inc: PlannedIncident, asset: Asset, channel: ChannelConfig | null, row: InboundRow, previous: string, timeZone: string): Promise<string> {
  const { payload, serial } = inc.opener!;
  const title = alarmTitle(serial, payload.code, payload.message);
  const routing = routeByRules(channel?.defaults ?? {}, `${title}\n${payload.message ?? ''}`);
  const requester = asset.ownerContactId
    ? { id: asset.ownerContactId }
    : { name: deviceName(serial), identities: [{ kind: 'device' as const, value: serial }], organizationId: asset.organizationId ?? undefined };
  const description = alarmDescription(serial, payload, row.receivedAt, timeZone);
  const input: CreateTicketInput = {
    title,
    description,
    requester,
    channel: 'iot',
    priority: PRIORITY_OF_SEVERITY[payload.severity ?? 'major'],
    categoryId: routing.categoryId,
    teamId: routing.teamId,
    typeId: routing.typeId,
    tags: routing.tags, // the channel already says 设备告警: no English tag
    assetId: asset.id, // in the asset's history; its position is where the work is
  };
  // keyed by the incident it follows (and, for a batch opening several incidents of one device and code,
  // its place among them), not by the alarm that opened it: two workers, or a retry after a crash that
  // groups other alarms, opening the same incident get the same ticket, never a second one
  const key = `iot:${asset.id}:${inc.code}:after:${previous}`;
  const { ticket } = await createTicket(deps, systemActor(tenantId, deviceName(serial)), input, { key, principal: 'intake', requestHash: 'inbound' });
  return ticket.id;
}

/**
 * The IoT adapter's batch: alarms of one tenant grouped by device and code. A repeat inside the window
 * of an open incident adds to its count (one 'alarm.repeated' event per incident and batch); otherwise
 * a ticket is opened (priority from the severity, linked to the device's asset, created first if the
 * serial is unknown). A recovery resolves the incident's ticket. Every row is marked done or failed.
 */
export async function processAlarms(deps: Deps, tenantId: string, rows: InboundRow[], windowMs: number): Promise<(Outcome | Error)[]> {
  const results = new Map<string, Outcome | Error>();
  const items: AlarmItem[] = [];
  for (const row of rows) {
    try {
      items.push(readItem(row));
    } catch (err) {
      results.set(row.id, err as Error);
    }
  }
  if (items.length)
    try {
      await apply(deps, tenantId, rows, items, windowMs, results);
    } catch (err) {
      for (const i of items) results.set(i.rowId, err as Error); // tried again as a whole
    }
  return rows.map((r) => results.get(r.id) ?? new Error('alarm left unprocessed'));
}

async function apply(deps: Deps, tenantId: string, rows: InboundRow[], items: AlarmItem[], windowMs: number, results: Map<string, Outcome | Error>): Promise<void> {
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const now = deps.clock.now();
  const serials = [...new Set(items.map((i) => i.serial))];
  const { assets, open, latest, channel, timeZone } = await deps.db.tenant(tenantId, async (q) => {
    const assets = await ensureAssets(q, tenantId, serials, now);
    const pairs = new Map(items.map((i) => [incidentKey(i.serial, i.payload.code), { assetId: assets.get(i.serial)!.id, code: i.payload.code, serial: i.serial }]));
    const { open: stored, latest: newest } = await deviceAlarmRepository.current(q, [...pairs.values()]);
    const tickets = await ticketHeadlines(q, stored.map((d) => d.ticket_id));
    const serialOf = new Map([...assets.entries()].map(([s, a]) => [a.id, s]));
    const open = new Map<string, OpenIncident>(
      stored.flatMap((d) => {
        const status = tickets.get(d.ticket_id)?.status;
        if (!status) return [];
        return [[incidentKey(serialOf.get(d.asset_id)!, d.code), { alarmId: d.id, ticketId: d.ticket_id, count: d.count, lastAt: d.last_at, ticketActive: status !== 'resolved' && status !== 'closed' }]];
      }),
    );
    const latest = new Map(newest.map((d) => [incidentKey(serialOf.get(d.asset_id)!, d.code), d.id]));
    const channel = (await channelRepository.list(q, 'iot')).find((c) => c.enabled);
    return { assets, open, latest, channel: channel ?? null, timeZone: await tenantTimeZone(q) };
  });
  const plan = planAlarms(items, open, windowMs);

  // new tickets, created together (one coalesced transaction per round of concurrent creates)
  const ticketOf = new Map<number, string>();
  const failed = new Map<number, Error>();
  const nth = new Map<string, number>();
  const previousOf = plan.incidents.map((inc) => {
    if (inc.existing) return '';
    const k = incidentKey(inc.serial, inc.code);
    const n = nth.get(k) ?? 0;
    nth.set(k, n + 1);
    return `${latest.get(k) ?? 'none'}:${n}`;
  });
  await Promise.all(
    plan.incidents.map(async (inc, i) => {
      if (inc.existing) return ticketOf.set(i, inc.existing.ticketId);
      try {
        ticketOf.set(i, await openTicket(deps, tenantId, inc, assets.get(inc.serial)!, channel, rowById.get(inc.opener!.rowId)!, previousOf[i], timeZone));
      } catch (err) {
        failed.set(i, err as Error);
      }
    }),
  );
  // recoveries: resolving is idempotent, so it comes before the incident is closed (a retry resolves nothing twice)
  const deviceActor = (serial: string) => systemActor(tenantId, deviceName(serial)); // the device speaks
  for (const [i, inc] of plan.incidents.entries()) {
    if (!inc.recovery || failed.has(i)) continue;
    const actor = deviceActor(inc.serial);
    try {
      const recovered = `设备 ${inc.serial} 已恢复（${inc.code}）`;
      await updateTicket(deps, actor, ticketOf.get(i)!, { status: 'resolved', transferReason: recovered, resolution: recovered }, 'iot');
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'INVALID_TRANSITION')) failed.set(i, err as Error); // a closed ticket stays closed
    }
  }

  await deps.db.tenant(tenantId, async (q) => {
    await deviceAlarmRepository.expire(q, plan.expire);
    const inserts: DeviceAlarmInsert[] = [];
    const updates: { id: string; added: number; lastAt: Date; recoveredAt: Date | null }[] = [];
    for (const [i, inc] of plan.incidents.entries()) {
      if (failed.has(i)) continue;
      const recoveredAt = inc.recovery ? inc.recovery.at : null;
      if (inc.existing) {
        if (inc.added || recoveredAt) updates.push({ id: inc.existing.alarmId, added: inc.added, lastAt: inc.lastAt, recoveredAt });
      } else
        inserts.push({ id: uuidv7(now.getTime()), tenantId, assetId: assets.get(inc.serial)!.id, code: inc.code, ticketId: ticketOf.get(i)!, severity: inc.opener!.payload.severity ?? 'major', count: 1 + inc.added, firstAt: inc.firstAt, lastAt: inc.lastAt, recoveredAt });
    }
    await deviceAlarmRepository.insertMany(q, inserts);
    const counts = await deviceAlarmRepository.update(q, updates);
    const repeated = plan.incidents.flatMap((inc, i) => {
      if (failed.has(i) || !inc.added) return [];
      const count = inc.existing ? (counts.get(inc.existing.alarmId) ?? inc.existing.countBefore + inc.added) : 1 + inc.added;
      return [{ ticketId: ticketOf.get(i)!, kind: 'alarm.repeated', actor: deviceActor(inc.serial), channel: 'iot', at: now, data: { serial: inc.serial, code: inc.code, count, added: inc.added, lastAt: inc.lastAt.toISOString() } }];
    });
    await recordTicketEvents(q, repeated, now);
    await threadRepository.putMany(q, tenantId, plan.incidents.flatMap((inc, i) => (inc.opener && !failed.has(i) ? [{ ticketId: ticketOf.get(i)!, key: threadKeyOf(inc.serial, inc.code) }] : [])), now);
    const done: { id: string; state: 'processed' | 'ignored'; outcome: string; ticketId?: string | null }[] = [];
    for (const r of plan.rows) {
      if (r.incident !== undefined && failed.has(r.incident)) {
        results.set(r.rowId, failed.get(r.incident)!);
        continue;
      }
      const ticketId = r.incident === undefined ? null : ticketOf.get(r.incident)!;
      done.push({ id: r.rowId, state: r.outcome === 'ignored' ? 'ignored' : 'processed', outcome: r.reason ?? r.outcome, ticketId });
      results.set(r.rowId, r.outcome === 'ignored' ? { outcome: 'ignored', reason: r.reason } : { outcome: r.outcome === 'created' ? 'created' : 'appended', ticketId: ticketId! });
    }
    await inboundRepository.markDoneMany(q, done, now);
  });
}
