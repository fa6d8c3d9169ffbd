import type { Queryable } from '../../platform/db/database';
import { jobPartsRepository } from './job-parts-repository';
import type { JobFacts } from './job-facts';
import { stockRepository } from './stock-repository';
import { available } from './stock-rules';
import { chooseScope, nearestWarehouses, suggestParts, type NearbyWarehouse, type Suggestion } from './suggestion-rules';

/**
 * The parts a job probably needs, learnt from the settled jobs of its category (and device model, when
 * it has enough of them), in the caller's transaction. No category: nothing to learn from.
 */
export async function suggestForJob(q: Queryable, job: Pick<JobFacts, 'id' | 'categoryId' | 'model'>): Promise<Suggestion[]> {
  if (!job.categoryId) return [];
  const kind = { categoryId: job.categoryId, exceptTicketId: job.id };
  const modelJobs = job.model ? await jobPartsRepository.jobsOfKind(q, { ...kind, model: job.model }) : null;
  const scope = chooseScope(modelJobs);
  const model = scope === 'category_model' ? job.model : null;
  const jobs = modelJobs !== null && scope === 'category_model' ? modelJobs : await jobPartsRepository.jobsOfKind(q, { ...kind, model: null });
  const history = await jobPartsRepository.partsOfKind(q, { ...kind, model });
  return suggestParts(scope, jobs, history.map((h) => ({ partId: h.part_id, jobs: h.jobs, units: h.units })));
}

/** Per part, the warehouses that have it nearest the job's site (the assignee's van first). */
export async function nearestForJob(q: Queryable, job: Pick<JobFacts, 'site' | 'assigneeId'>, partIds: string[]): Promise<{ partId: string; warehouses: NearbyWarehouse[] }[]> {
  if (!partIds.length) return [];
  const rows = await stockRepository.places(q, partIds);
  return partIds.map((partId) => ({
    partId,
    warehouses: nearestWarehouses(
      job.site,
      rows.filter((r) => r.part_id === partId).map((r) => ({ id: r.warehouse_id, name: r.name, kind: r.kind, ownerUserId: r.owner_user_id, lat: r.lat, lng: r.lng, available: available({ onHand: r.on_hand, reserved: r.reserved }) })),
      { assigneeId: job.assigneeId },
    ),
  }));
}
