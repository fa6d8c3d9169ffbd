import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { ticketTypeById, DEFAULT_RESOLVE_REQUIREMENTS, normalizeRequirements, type ResolveRequirement } from '../catalog';
import type { Actor } from '../identity';

// Resolving needs what a service team needs before 已解决: the ticket type says which of a resolution
// note (解决说明), a category and an assignee. People and integrations are held to it; the system's own
// actors (an IoT device recovering, automations) resolve with the note they give, never refused, and a
// customer only confirms or reopens, which these rules do not touch.

/** The ticket field each requirement asks for. */
export const FIELD_OF_REQUIREMENT: Record<ResolveRequirement, 'resolution' | 'categoryId' | 'assigneeId'> = {
  resolution: 'resolution',
  category: 'categoryId',
  assignee: 'assigneeId',
};

/** What the ticket as it would be resolved still lacks, as the fields to fill, in the order required. */
export function missingToResolve(requires: readonly ResolveRequirement[], t: { resolution: string | null; category_id: string | null; assignee_id: string | null }): string[] {
  const has: Record<ResolveRequirement, boolean> = { resolution: !!t.resolution?.trim(), category: !!t.category_id, assignee: !!t.assignee_id };
  return requires.filter((r) => !has[r]).map((r) => FIELD_OF_REQUIREMENT[r]);
}

export const heldToResolveRules = (actor: Pick<Actor, 'type'>) => actor.type !== 'system';

/** The refusal naming each missing field (409 INVALID_TRANSITION with a required_to_resolve issue per field). */
export function cannotResolve(missing: string[]): AppError {
  return new AppError('INVALID_TRANSITION', `To resolve this ticket, give: ${missing.join(', ')}`, {
    field: missing[0],
    details: missing.map((field) => ({ field, code: 'required_to_resolve', message: `${field} is required to resolve the ticket` })),
  });
}

/** The requirements of a ticket's type; a ticket without a type (or of a type gone) needs all. */
export async function resolveRequirementsOf(q: Queryable, typeId: string | null): Promise<readonly ResolveRequirement[]> {
  const type = typeId ? await ticketTypeById(q, typeId) : undefined;
  return type ? normalizeRequirements(type.resolve_requires) : DEFAULT_RESOLVE_REQUIREMENTS;
}
