// The dispatch engine: pure functions on plain data (no database, no clock, no I/O). The server and the
// simulator both decide through this surface, so what the simulator measures is what the server does.
export * from './types';
export { DEFAULT_WEIGHTS, TOP_TIERS, freeShare, poolStats, scorePerson, skillFitGoodness, type PoolStats } from './score';
export { exclusions, regionCovers, languageMatches, certificationDay } from './rules';
export { rank } from './rank';
export { choose, type Choice } from './strategies';
export { matchBatch, loadStep, URGENCY, type BatchResult } from './batch';
export { travelKm, personPosition, pointInPolygon, inArea, travelMinutesBetween } from './geo';
export { localTime, onShift, certificationValid, clockMinutes, type LocalTime } from './shift';
