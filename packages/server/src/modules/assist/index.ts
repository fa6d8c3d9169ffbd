// Assist (智能知识推荐) and the knowledge measures: articles and solved tickets suggested to an agent on
// a ticket, what the agent did with them, the portal's visits — and the hit, helpful and deflection
// rates computed from those events. Other modules use only this surface.
export { assistRoutes } from './routes';
export { recordPortalEvent } from './record-portal-event';
export type { PortalEventInput } from './record-portal-event';
export { deflectionOutcome, summarizeDeflection } from './deflection-rules';
export type { Outcome as DeflectionOutcome, PortalKind } from './deflection-rules';
