import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CATALOG_WRITERS } from './access';
import { catalogRepository } from './catalog-repository';
import { normalizeRequirements } from './resolve-requirements';
import { toTicketTypeView, type TicketTypeView } from './views';

export interface CreateTicketTypeInput {
  key: string;
  nameZh: string;
  nameEn?: string;
  active?: boolean;
  resolveRequires?: string[];
}

/** Adds a ticket type (维修, 投诉, 咨询…); its key is unique within the tenant and never changes. */
export async function createTicketType(deps: Deps, actor: Actor, input: CreateTicketTypeInput): Promise<TicketTypeView> {
  requireRole(actor, CATALOG_WRITERS);
  try {
    const row = await deps.db.tenant(actor.tenantId, (q) =>
      catalogRepository.insertType(q, {
        id: uuidv7(),
        tenant_id: actor.tenantId,
        key: input.key,
        name_zh: input.nameZh.trim(),
        name_en: input.nameEn?.trim() ?? '',
        active: input.active ?? true,
        resolve_requires: input.resolveRequires && normalizeRequirements(input.resolveRequires),
      }),
    );
    return toTicketTypeView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `A ticket type with key ${input.key} already exists`, { field: 'key' });
    throw err;
  }
}
