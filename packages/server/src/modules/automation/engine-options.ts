import type { Queryable } from '../../platform/db/database';
import type { ApplyOptions } from './apply-rule';

/** What the trigger consumer and the time-rule sweep are configured with. */
export interface EngineOptions extends Omit<ApplyOptions, 'timeZone'> {
  /** the tenant's working time (its default business calendar), read in the transaction */
  workingTime: (q: Queryable) => Promise<(at: Date) => boolean>;
}
