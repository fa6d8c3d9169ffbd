import { startAutomation } from '../../src/modules/automation';
import { startSla } from '../../src/modules/sla';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// An app on simulated time with the automation consumer (and its sweep called by hand).

export interface AutomationWorld {
  t: TestApp;
  acme: TestTenant;
  outbox: OutboxDispatcher;
  automation: ReturnType<typeof startAutomation>;
  /** delivers what is in the outbox until the automation consumer has passed every message */
  settle(): Promise<void>;
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  events(ticketId: string): Promise<{ kind: string; actor_name: string; data: any }[]>;
  close(): Promise<void>;
}

/** `chunk`: trigger events per transaction. `sla`: the SLA consumer too, on the same outbox (customer messages recorded as 催单 → ticket.chased). */
export async function automationWorld(o: { maxPerTicketHour?: number; sla?: boolean; chunk?: number } = {}): Promise<AutomationWorld> {
  const t = await startTestApp({ clock: true });
  const acme = await t.tenant('自动化测试');
  const errors: unknown[] = [];
  const outbox = new OutboxDispatcher(t.db, t.clock, { log: { error: (obj) => errors.push(obj) } });
  const automation = startAutomation({ deps: t.deps, outbox, sweepMs: 0, maxPerTicketHour: o.maxPerTicketHour, chunk: o.chunk, log: { error: (obj, msg) => console.error(msg, obj) } });
  await automation.seeded;
  const sla = o.sla ? startSla({ deps: t.deps, outbox, sweepMs: 0, log: { error: (obj, msg) => console.error(msg, obj) } }) : null;
  const sql = <T,>(text: string, params?: unknown[]) => t.db.tenant(acme.id, (q) => q.query<T>(text, params));
  return {
    t,
    acme,
    outbox,
    automation,
    sql,
    async settle() {
      for (let i = 0; i < 400; i++) {
        await outbox.drain();
        const [behind] = await t.db.system((q) =>
          q.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox o, outbox_cursors c WHERE c.consumer = 'automation' AND (o.tx, o.id) > (c.tx, c.id)`),
        );
        if (errors.length) throw new Error(`the automation consumer failed: ${String((errors[0] as { err?: unknown }).err ?? JSON.stringify(errors[0]))}`);
        if (behind.n === 0) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the outbox did not settle');
    },
    events: (ticketId) => sql(`SELECT kind, actor_name, data FROM ticket_events WHERE ticket_id = $1 ORDER BY created_at, id`, [ticketId]),
    async close() {
      await automation.close();
      await sla?.close();
      await t.close();
    },
  };
}
