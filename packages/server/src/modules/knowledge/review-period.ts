import type { Queryable } from '../../platform/db/database';
import { DEFAULT_REVIEW_AFTER_DAYS } from './article-rules';
import { settingsRepository } from './settings-repository';

/** The tenant's review period in days (90 unless set). */
export async function reviewAfterDays(q: Queryable): Promise<number> {
  return (await settingsRepository.reviewAfterDays(q)) ?? DEFAULT_REVIEW_AFTER_DAYS;
}
