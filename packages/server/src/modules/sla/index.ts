// SLA: ordered policies with targets per priority, every ticket's clocks computed from its event history
// on business calendars, the ticket's summary for the list, 催单 (chases), and the report. Other modules
// use only this surface.
export { SLA_METRICS, SLA_STATES } from './rules/sla-types';
export type { SlaMetric, SlaState, SlaPolicy, Targets, Target, PolicyConditions } from './rules/sla-types';
export { slaFacts, runningSlaFacts } from './clocks/read-sla-facts';
export { ensureClocks } from './clocks/ensure-clocks';
export type { SlaFact } from './clocks/read-sla-facts';
export { chaseCounts } from './chases/read-chase-counts';
export { recordEscalation } from './clocks/record-escalation';
export { startSla } from './start-sla';
export type { SlaSweepHook } from './start-sla';
export { handleSlaMessages, SLA_CONSUMER, SLA_TOPICS } from './clocks/handle-sla-messages';
export { sweepSla, startSlaSweep, SLA_SWEEP_BATCH, SLA_WARNING, SLA_BREACHED } from './sweep';
export type { SweepOptions, SweepResult, SlaSweepOptions } from './sweep';
export { slaRoutes } from './routes';
export { savePolicy } from './policies/save-policy';
export { listPolicies } from './policies/manage-policies';
export { requestSlaRecompute } from './recompute/request-sla-recompute';
export { recomputeStep, SLA_RECOMPUTE_BATCH } from './recompute/recompute-step';
export type { RecomputeStepResult } from './recompute/recompute-step';
