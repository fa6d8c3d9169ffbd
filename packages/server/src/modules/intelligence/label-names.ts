import type { Queryable } from '../../platform/db/database';
import { activeCategoryNames } from '../catalog';
import { teamNames } from '../identity';

/** What the models may predict and how it is shown: the active categories and the teams, id → name. */
export interface LabelNames {
  categories: Map<string, string>;
  teams: Map<string, string>;
}

export async function labelNames(q: Queryable): Promise<LabelNames> {
  return { categories: await activeCategoryNames(q), teams: await teamNames(q) };
}
