import type { Deps } from '../../platform/deps';
import { forbidden } from '../../platform/errors';
import type { Actor } from '../identity';
import { importJobRepository } from './import-job-repository';
import { toImportJobSummary } from './import-job-view';
import type { ImportJobSummaryView } from './job-schemas';

/** The tenant's import jobs, newest first (admins). */
export async function listImportJobs(deps: Pick<Deps, 'db'>, actor: Actor, limit: number): Promise<ImportJobSummaryView[]> {
  if (actor.role !== 'admin') throw forbidden('Only admins see imports');
  return (await deps.db.tenant(actor.tenantId, (q) => importJobRepository.list(q, limit))).map(toImportJobSummary);
}
