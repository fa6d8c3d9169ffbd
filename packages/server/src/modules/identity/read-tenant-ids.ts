import { tenantIdsRepository } from './tenant-ids-repository';

/** Every tenant's id, oldest tenant first: for background jobs that visit each tenant (a system transaction). */
export const tenantIds = tenantIdsRepository.tenantIds;
