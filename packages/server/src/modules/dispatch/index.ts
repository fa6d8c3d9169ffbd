// Dispatch (智能派单): who can take which ticket, where they are, and the assignments the engine or a
// dispatcher made with their reasons. Other modules use only this surface.
export type * from './engine/types';
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
  localTime,
  inArea,
  regionCovers,
  URGENCY,
  urgencyOf,
  nearestOutlet,
} from './engine';
export type { OutletChoice } from './engine';
// the simulator (`npx gongdan simulate`)
export { simulateDispatch, generateScenario, GENERATE_DEFAULTS, parseScenarioText, ScenarioError, SIM_STRATEGIES, parseSolomon, solomonToScenario, SolomonFormatError } from './simulator';
export type { SimStrategy, StrategyFigures, Scenario } from './simulator';
