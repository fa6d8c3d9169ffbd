// The SLA sweep: fires the warnings and breaches that are due, each exactly once across processes.
export { sweepSla } from './sweep-sla';
export type { SweepOptions, SweepResult } from './sweep-sla';
export { startSlaSweep, SLA_SWEEP_BATCH } from './start-sla-sweep';
export type { SlaSweepOptions } from './start-sla-sweep';
export { SLA_WARNING, SLA_BREACHED } from './sweep-rules';
