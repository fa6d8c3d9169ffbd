import type { Deps } from '../../platform/deps';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import { replanOnOffer, ROUTING_TOPICS } from './replan-on-offer';

export const ROUTING_CONSUMER = 'routing';

/** Wires routing into a running process: assignments of on-site jobs re-plan the engineer's day (see replan-on-offer). */
export function startRouting(o: { deps: Deps; outbox: OutboxDispatcher }) {
  o.outbox.subscribe(
    ROUTING_CONSUMER,
    ROUTING_TOPICS,
    (m) => replanOnOffer(o.deps, [m]),
    (ms) => replanOnOffer(o.deps, ms),
  );
}
