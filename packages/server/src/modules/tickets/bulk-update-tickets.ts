import type { Deps } from '../../platform/deps';
import { AppError, invalid } from '../../platform/errors';
import { requireRole, STAFF, type Actor } from '../identity';
import type { Priority, Status } from './ticket-rules';
import { updateTicket } from './update-ticket';

/** The changes one bulk action applies to every ticket. */
export interface BulkChanges {
  status?: Status;
  priority?: Priority;
  categoryId?: string | null;
  teamId?: string | null;
  assigneeId?: string | null;
  addTags?: string[];
  transferReason?: string;
  resolution?: string;
}

export interface BulkResult {
  updated: string[];
  failed: { id: string; error: { code: string; message: string; missing?: string[] } }[];
}

export const BULK_MAX = 500;

/**
 * Applies the same changes to many tickets, each in its own transaction with the rules and events of
 * a single update (updateTicket): a ticket that breaks a rule, or that the actor may not see, is
 * reported with its error and the others still change. A ticket already as requested counts as updated.
 */
export async function bulkUpdateTickets(deps: Deps, actor: Actor, input: { ids: string[]; changes: BulkChanges }): Promise<BulkResult> {
  requireRole(actor, STAFF);
  const ids = [...new Set(input.ids)];
  if (!ids.length) throw invalid('ids', 'Give at least one ticket id', 'empty');
  if (ids.length > BULK_MAX) throw invalid('ids', `At most ${BULK_MAX} tickets per bulk action`, 'too_many');
  const changes = Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined)) as BulkChanges;
  if (!Object.keys(changes).some((k) => k !== 'transferReason' && k !== 'resolution')) throw invalid('changes', 'Nothing to change: give at least one field', 'empty');
  const result: BulkResult = { updated: [], failed: [] };
  for (const id of ids) {
    try {
      await updateTicket(deps, actor, id, changes);
      result.updated.push(id);
    } catch (err) {
      // rule and access failures are the caller's to see; anything else is not described further
      const missing = err instanceof AppError && err.details?.every((d) => d.code === 'required_to_resolve') ? err.details.map((d) => d.field) : undefined;
      const error = err instanceof AppError ? { code: err.code, message: err.message, ...(missing?.length ? { missing } : {}) } : { code: 'INTERNAL', message: 'The ticket could not be updated' };
      result.failed.push({ id, error });
    }
  }
  return result;
}
