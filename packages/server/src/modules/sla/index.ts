// SLA: clocks per ticket and metric on business calendars, and the sweep that fires their warnings and
// breaches exactly once. Other modules use only this surface.
export { sweepSla, startSlaSweep, SLA_SWEEP_BATCH, SLA_WARNING, SLA_BREACHED } from './sweep';
export type { SweepOptions, SweepResult, SlaSweepOptions } from './sweep';
export { startSla } from './start-sla';
