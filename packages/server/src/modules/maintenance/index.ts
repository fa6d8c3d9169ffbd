// Maintenance (维保): contracts with covered assets and their SLA policy, preventive plans that create
// visit tickets ahead of time, inspections (巡检), and predictive maintenance from device telemetry.
export { maintenanceRoutes } from './routes';
export { activeContractFor, contractPolicies } from './contracts/read-active-contract';
export type { ActiveContract } from './contracts/read-active-contract';
export { saveContract } from './contracts/save-contract';
export { savePlan } from './plans/manage-plans';
export { sweepMaintenance, startMaintenance, MAINTENANCE_SWEEP_BATCH } from './maintenance-sweep';
export type { MaintenanceSweepResult } from './maintenance-sweep';
export { registerTelemetryIntake } from './telemetry/receive-telemetry';
export { ingestTelemetry } from './telemetry/ingest-telemetry';
export { createTelemetryRule } from './telemetry/manage-telemetry-rules';
export { countTelemetryReadings } from './telemetry/count-readings';
export { CONTRACT_EXPIRING } from './contracts/notify-expiring';
