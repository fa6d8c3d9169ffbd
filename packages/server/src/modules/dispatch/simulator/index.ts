// The dispatch simulator (`npx gongdan simulate …`): scenarios (file, generated, Solomon), a replay
// of the day through the engine per strategy, and its figures. Pure: no database, no wall clock.
export { generateScenario, GENERATE_DEFAULTS, type GenerateOptions } from './generate';
export type { StrategyFigures } from './metrics';
export { SIM_STRATEGIES, type SimStrategy } from './replay';
export { parseScenario, parseScenarioText, scenarioWarnings, ScenarioError, type Scenario, type ScenarioInput } from './scenario';
export { simulateDispatch, type SimulateOptions } from './simulate';
export { parseSolomon, solomonToScenario, SolomonFormatError, type ConvertOptions } from './solomon';
