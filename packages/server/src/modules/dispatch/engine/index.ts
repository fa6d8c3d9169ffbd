// The dispatch engine: pure functions on plain data (no database, no clock, no I/O). The server and the
// simulator both decide through this surface, so what the simulator measures is what the server does.
export * from './types';
export { DEFAULT_WEIGHTS, TOP_TIERS, freeShare, poolStats, scorePerson, scoreValue, skillFitGoodness, deadlineGoodness, fullWeights, weightTotal, type PoolStats } from './score';
export { insertion, startOfTrip, stopOf, type Insertion } from './insertion';
export { exclusions, regionCovers, languageMatches, certificationDay, eligibleFor, personAvailable, roomFor, dailyLimitReached } from './rules';
export { rank } from './rank';
export { choose, type Choice } from './strategies';
export { matchBatch, loadStep, URGENCY, DUE_BONUS, urgencyOf, type BatchResult } from './batch';
export { nearestOutlet, type OutletChoice } from './outlet';
export { travelKm, personPosition, pointInPolygon, inArea, travelMinutesBetween } from './geo';
export { localTime, onShift, shiftStartsOn, dayBefore, certificationValid, clockMinutes, type LocalTime } from './shift';
export { pickFromQueue, QUEUE_BAND, type QueueBand } from './queue';
export { holdUntil, qualifiedIdleShare, HOLD, type Hold } from './hold';
export { improve, meanWork, planOf, IMPROVE, type Move, type Improvement, type ImproveOptions } from './improve';
