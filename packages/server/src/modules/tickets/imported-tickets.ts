import type { Queryable } from '../../platform/db/database';
import { importRepository, type ImportedRef, type ImportedTicketRow } from './import-repository';

// What the imports module writes and reads of tickets, inside its own transaction: tickets of the
// past, each with its ticket.imported event (see import-repository.ts).

/** Tickets of this tenant already imported under these external ids. */
export const importedTicketsByExternalIds = (q: Queryable, externalIds: string[]): Promise<ImportedRef[]> => importRepository.byExternalIds(q, externalIds);

/** Writes historical tickets with their import events in one statement; those whose external id exists meanwhile are skipped. */
export const insertImportedTickets = (q: Queryable, tenantId: string, list: ImportedTicketRow[], at: Date): Promise<ImportedRef[]> =>
  importRepository.insertMany(q, tenantId, list, at);
