import type { Deps } from '../../platform/deps';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import { replanUrgent, ROUTING_TOPICS } from './replan-urgent';

export const ROUTING_CONSUMER = 'routing';

/** Wires routing into a running process: urgent assignments re-plan the engineer's day. */
export function startRouting(o: { deps: Deps; outbox: OutboxDispatcher }) {
  o.outbox.subscribe(
    ROUTING_CONSUMER,
    ROUTING_TOPICS,
    (m) => replanUrgent(o.deps, [m]),
    (ms) => replanUrgent(o.deps, ms),
  );
}
