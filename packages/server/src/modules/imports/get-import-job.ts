import type { Deps } from '../../platform/deps';
import { forbidden, notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { importJobRepository } from './import-job-repository';
import { toImportJobView } from './import-job-view';
import type { ImportJobView } from './job-schemas';

/** One import job with its progress and first failed rows (admins; another tenant's is not found). */
export async function getImportJob(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<ImportJobView> {
  if (actor.role !== 'admin') throw forbidden('Only admins see imports');
  const job = await deps.db.tenant(actor.tenantId, (q) => importJobRepository.byId(q, id));
  if (!job) throw notFound('Import');
  return toImportJobView(job);
}
