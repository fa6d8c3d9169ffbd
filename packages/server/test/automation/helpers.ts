import { AUTOMATION_CONSUMER, startAutomation } from '../../src/modules/automation';
import { startSla } from '../../src/modules/sla';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { drainUntilPassed } from '../support/outbox-settle';
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
    settle: () => drainUntilPassed(t.db, outbox, [AUTOMATION_CONSUMER], { errors }),
    events: (ticketId) => sql(`SELECT kind, actor_name, data FROM ticket_events WHERE ticket_id = $1 ORDER BY created_at, id`, [ticketId]),
    async close() {
      await automation.close();
      await sla?.close();
      await t.close();
    },
  };
}
