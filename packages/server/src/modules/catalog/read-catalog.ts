import type { Queryable } from '../../platform/db/database';
import { catalogRepository, type CategoryRow, type TicketTypeRow } from './catalog-repository';

// What other modules may read of the catalog, inside their own transaction (row-level security
// limits every read to the tenant). They never use the catalog's repository.

/** Whether the category exists in this tenant. */
export const categoryExists = (q: Queryable, id: string): Promise<boolean> => catalogRepository.categoryExists(q, id);

/** The category and every category below it (ids). */
export const categorySubtree = (q: Queryable, id: string): Promise<string[]> => catalogRepository.categorySubtree(q, id);

/** The tenant's category tree, flat. */
export const listCategoryRows = (q: Queryable): Promise<CategoryRow[]> => catalogRepository.listCategories(q);

/** Whether the ticket type exists in this tenant. */
export const ticketTypeExists = (q: Queryable, id: string): Promise<boolean> => catalogRepository.typeExists(q, id);

export const ticketTypeById = (q: Queryable, id: string): Promise<TicketTypeRow | undefined> => catalogRepository.typeById(q, id);

/** The tenant's ticket types. */
export const listTicketTypeRows = (q: Queryable): Promise<TicketTypeRow[]> => catalogRepository.listTypes(q);
