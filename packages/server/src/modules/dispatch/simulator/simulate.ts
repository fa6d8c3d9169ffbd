// Runs a scenario against each strategy and returns their figures, one object per strategy.
import type { Weights } from '../engine/types';
import { figures, type StrategyFigures } from './metrics';
import { replay, type SimStrategy } from './replay';
import type { Scenario } from './scenario';

export interface SimulateOptions {
  strategies: SimStrategy[];
  weights: Weights;
  batchWindowS: number;
  /** 日内优化 every this many minutes (scored and batch); absent: off */
  improveEveryMin?: number;
  /** the "scenario" column of the output (default: the scenario's name) */
  label?: string;
}

export function simulateDispatch(scenario: Scenario, opts: SimulateOptions): StrategyFigures[] {
  const label = opts.label ?? scenario.name ?? 'scenario';
  return opts.strategies.map((strategy) => figures(strategy, label, scenario, replay(scenario, { strategy, weights: opts.weights, batchWindowS: opts.batchWindowS, improveEveryMin: opts.improveEveryMin })));
}
