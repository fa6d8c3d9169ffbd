import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CATALOG_WRITERS } from './access';
import { catalogRepository } from './catalog-repository';
import { normalizeRequirements } from './resolve-requirements';
import { toTicketTypeView, type TicketTypeView } from './views';

export interface UpdateTicketTypeInput {
  nameZh?: string;
  nameEn?: string;
  active?: boolean;
  resolveRequires?: string[];
}

/** Renames or (de)activates a ticket type, or changes what resolving its tickets needs; the key is fixed. */
export async function updateTicketType(deps: Deps, actor: Actor, id: string, input: UpdateTicketTypeInput): Promise<TicketTypeView> {
  requireRole(actor, CATALOG_WRITERS);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  const row = await deps.db.tenant(actor.tenantId, (q) =>
    catalogRepository.updateType(q, id, {
      name_zh: input.nameZh?.trim(),
      name_en: input.nameEn?.trim(),
      active: input.active,
      resolve_requires: input.resolveRequires && normalizeRequirements(input.resolveRequires),
    }),
  );
  if (!row) throw notFound('Ticket type');
  return toTicketTypeView(row);
}
