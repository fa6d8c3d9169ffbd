import type { Actor } from '../modules/identity';
import { getInbound, ingestAlarm, intakeRegistry, IntakeWorker } from '../modules/intake';
import { getTicket } from '../modules/tickets';
import type { Deps } from '../platform/deps';
import type { ELEVATORS } from './data';
import type { Template } from './templates';

// An elevator's alarm goes through the IoT channel itself, as the gateway's MQTT message would: stored,
// then processed by the intake worker, which opens the ticket for the device's owner and links it to
// the device (管理 → 设备 lists its alarms and their tickets).

export type Alarm = NonNullable<Template['alarms']>[number];

export interface AlarmIntake {
  /** Raises the alarm now and answers with the ticket it opened. */
  raise(elevator: (typeof ELEVATORS)[number], alarm: Alarm): Promise<{ id: string; number: number; requesterId: string | null }>;
}

export function alarmIntake(deps: Deps, admin: Actor, slug: string): AlarmIntake {
  const worker = new IntakeWorker(deps, intakeRegistry(), { maxAttempts: 1 });
  return {
    async raise(elevator, alarm) {
      const topic = `gongdan/${slug}/devices/${elevator.device}/alarm`;
      const payload = { ...alarm, ts: deps.clock.now().toISOString() };
      const received = await ingestAlarm(deps, { tenantId: admin.tenantId, serial: elevator.device, kind: 'alarm', raw: Buffer.from(JSON.stringify(payload)), via: { via: 'mqtt', topic, clientId: 'elevator-gateway' } });
      await worker.drain();
      const inbound = await getInbound(deps, admin, received.id);
      if (!inbound.ticketId) throw new Error(`the alarm of ${elevator.device} opened no ticket (${inbound.state}: ${inbound.error?.message ?? ''})`);
      const t = await getTicket(deps, admin, inbound.ticketId);
      return { id: t.id, number: t.number, requesterId: t.requesterId };
    },
  };
}
