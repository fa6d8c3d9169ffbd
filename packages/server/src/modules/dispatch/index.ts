// Dispatch (智能派单): who can take which ticket, where they are, and the assignments the engine or a
// dispatcher made with their reasons. Other modules use only this surface.
export type * from './engine/types';
export { assignmentRoutes } from './assignment-routes';
export { startDispatch, DISPATCH_CONSUMER } from './start-dispatch';
export type { MapTiles } from './assignment/map-tiles';
export { WORK_KINDS } from './engine/types';
export {
  DEFAULT_WEIGHTS,
  exclusions,
  rank,
  choose,
  matchBatch,
  travelKm,
  personPosition,
  onShift,
  shiftStartsOn,
  localTime,
  inArea,
  regionCovers,
  URGENCY,
  urgencyOf,
  nearestOutlet,
  holdUntil,
  qualifiedIdleShare,
  improve,
} from './engine';
export type { OutletChoice } from './engine';
// the simulator (`npx gongdan simulate`)
export { simulateDispatch, generateScenario, GENERATE_DEFAULTS, parseScenarioText, scenarioWarnings, ScenarioError, SIM_STRATEGIES, parseSolomon, solomonToScenario, SolomonFormatError } from './simulator';
export type { SimStrategy, StrategyFigures, Scenario } from './simulator';
export { dispatchProfileRoutes } from './profile-routes';
export { STATUS_CHANGED } from './profiles/announce-status';
export type { PositionMessage } from './profiles/report-location';
export { updateProfile } from './profiles/update-profile';
export { offersOf } from './assignment/offers-of';
export { handAssignment } from './assignment/hand-assignment';
export { assertNotTakenAway } from './assignment/no-longer-yours';
export { createOutlet } from './profiles/create-outlet';
export { createRule } from './profiles/create-rule';
export { putPolicy } from './profiles/put-policy';
export { reportLocation } from './profiles/report-location';
// what routing (路线规划) plans engineers' days from
export { routeInputs } from './assignment/read-route-inputs';
export type { RouteInputs, RouteJob } from './assignment/read-route-inputs';
