import { BackgroundLoop } from '../../platform/background-loop';
import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { calendarSpec, isWorkingTime } from '../calendars';
import { tenantIds } from '../identity';
import { DefaultsSeen } from './ensure-defaults';
import type { EngineOptions } from './engine-options';
import { AUTOMATION_TOPICS, handleAutomationEvents } from './handle-events';
import { sweepTimeRules } from './sweep-time-rules';

export const AUTOMATION_CONSUMER = 'automation';

/** business_hours: the tenant's default business calendar (7×24 when it has none). */
const tenantWorkingTime = async (q: Queryable) => {
  const cal = await calendarSpec(q, null);
  return (at: Date) => isWorkingTime(cal, at);
};

/**
 * Wires the automation engine into a running process: the shipped defaults for every tenant (at start,
 * and for a new tenant on its first event or sweep), the outbox consumer 'automation' (triggers) and
 * the time-rule sweep every `sweepMs` (0: none). The consumer takes a round's messages together, in
 * chunks of `chunk` events per transaction.
 */
export function startAutomation(o: {
  deps: Deps;
  outbox: OutboxDispatcher;
  sweepMs: number;
  log: { error(obj: unknown, msg: string): void };
  maxPerTicketHour?: number;
  workingTime?: EngineOptions['workingTime'];
  /** trigger events per transaction (default AUTOMATION_CHUNK, 50) */
  chunk?: number;
}) {
  const defaults = new DefaultsSeen();
  const engine: EngineOptions = { maxPerTicketHour: o.maxPerTicketHour ?? 20, workingTime: o.workingTime ?? tenantWorkingTime };
  const tenant = (t: string, fn: (q: Queryable) => Promise<unknown>) => o.deps.db.tenant(t, fn);
  const seeded = (async () => {
    for (const t of await o.deps.db.system((q) => tenantIds(q))) await defaults.ensure(tenant, t, o.deps.clock.now());
  })().catch((err) => o.log.error({ err }, 'creating the default automation rules failed'));
  const handle = (ms: OutboxMessage[]) => handleAutomationEvents(o.deps, ms, { ...engine, defaults, chunk: o.chunk });
  o.outbox.subscribe(AUTOMATION_CONSUMER, AUTOMATION_TOPICS, (m) => handle([m]), handle);
  const sweep = () => sweepTimeRules(o.deps, { ...engine, defaults });
  const loop = new BackgroundLoop(sweep, { onError: (err) => o.log.error({ err }, 'the automation sweep failed') });
  if (o.sweepMs > 0) loop.start(o.sweepMs);
  return {
    seeded,
    sweep,
    async close() {
      await loop.stop();
    },
  };
}
