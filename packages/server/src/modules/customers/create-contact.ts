import type { Deps } from '../../platform/deps';
import { fieldsInvalid, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CUSTOMER_WRITERS } from './access';
import { contactRepository } from './contact-repository';
import type { Identity } from './identity-rules';
import { identityTaken } from './identity-conflict';
import { checkIdentities } from './identity-rules';
import { organizationRepository } from './organization-repository';
import type { CustomerTier } from './tiers';
import { toContactView, type ContactView } from './views';

export interface CreateContactInput {
  name: string;
  organizationId?: string | null;
  tier?: CustomerTier | null;
  notes?: string;
  identities?: Identity[];
}

/** Creates a contact with its identities; an identity that belongs to another contact refuses the whole create. */
export async function createContact(deps: Deps, actor: Actor, input: CreateContactInput): Promise<ContactView> {
  requireRole(actor, CUSTOMER_WRITERS);
  const { identities, issues } = checkIdentities(input.identities ?? []);
  if (issues.length) throw fieldsInvalid(issues);
  const id = uuidv7();
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (input.organizationId && !(await organizationRepository.exists(q, input.organizationId))) throw notFound('Organization', 'organizationId');
    await contactRepository.insert(q, {
      id,
      tenantId: actor.tenantId,
      name: input.name.trim(),
      organizationId: input.organizationId ?? null,
      tier: input.tier ?? null,
      notes: input.notes ?? '',
    });
    const taken = await contactRepository.addIdentities(q, actor.tenantId, id, identities, uuidv7);
    if (taken.length) {
      const first = identities.find((i) => i.kind === taken[0].kind && i.value === taken[0].value)!;
      throw await identityTaken(q, actor, taken[0], `identities.${first.index}.value`);
    }
    return toContactView((await contactRepository.byId(q, id))!);
  });
}
