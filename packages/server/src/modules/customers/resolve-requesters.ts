import type { Queryable } from '../../platform/db/database';
import { AppError, invalid } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { contactRepository, type IdentityOwner } from './contact-repository';
import type { Identity } from './identity-rules';
import { identityKey, requesterIdentities } from './identity-rules';
import { effectiveTier, type CustomerTier } from './tiers';

export interface RequesterInput {
  id?: string;
  name?: string;
  email?: string;
  phone?: string;
  identities?: Identity[];
  organizationId?: string;
}

export interface ResolvedRequester {
  contactId: string;
  organizationId: string | null;
  /** the contact's name, when the resolution read or chose it (a new ticket shows it without a lookup) */
  name?: string;
  /** the contact's tier (its own, else its organization's), when the resolution read it */
  tier?: CustomerTier;
}

/** One requester's contact, or the error that requester's input deserves. */
export type RequesterOutcome = ResolvedRequester | AppError;

const KIND_ORDER = ['email', 'phone'];
const rank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);

/** Finds or creates one requester's contact (see `resolveRequesters`). */
export async function resolveRequester(q: Queryable, tenantId: string, r: RequesterInput): Promise<ResolvedRequester> {
  const [outcome] = await resolveRequesters(q, tenantId, [r]);
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}

/**
 * Finds the contacts behind many requesters at once by any of their identities (email, phone, WeChat
 * openid…), learning identities a known contact did not have yet, and creates the contacts of new
 * requesters — a fixed number of statements whatever the number of requesters. Requesters of one
 * call that share an identity get one contact. Runs inside the caller's transaction; concurrent first
 * contacts from the same address end up on one contact because identities are unique per tenant.
 */
export async function resolveRequesters(q: Queryable, tenantId: string, list: RequesterInput[]): Promise<RequesterOutcome[]> {
  const out: (RequesterOutcome | undefined)[] = new Array(list.length);
  const byId = new Map<number, string>();
  const identities = list.map((r) => (r.id ? [] : requesterIdentities(r)));
  list.forEach((r, i) => {
    if (r.id) byId.set(i, r.id);
    else if (!identities[i].length && !r.name) out[i] = invalid('requester', 'Give the requester an email, a phone or a name', 'required');
  });

  for (const [i, id] of byId) {
    const c = await contactRepository.byId(q, id);
    out[i] = c ? { contactId: c.id, organizationId: c.organization_id, name: c.name, tier: effectiveTier(c.tier, c.organization_tier) } : invalid('requester.id', 'No such contact', 'not_found');
  }

  const owners = new Map<string, IdentityOwner>();
  for (const o of await contactRepository.identityOwners(q, uniqueBy(identities.flat(), identityKey))) owners.set(identityKey(o), o);

  // known requesters: the best-ranked identity decides; identities the contact lacks are learned
  const learn: (Identity & { contactId: string })[] = [];
  const unknown: number[] = [];
  list.forEach((_, i) => {
    if (out[i]) return;
    const found = identities[i].map((id) => owners.get(identityKey(id))).filter((o): o is IdentityOwner => !!o);
    if (!found.length) return void unknown.push(i);
    const best = found.sort((a, b) => rank(a.kind) - rank(b.kind))[0];
    const knownKinds = new Set(found.map((f) => f.kind));
    for (const id of identities[i]) if (!knownKinds.has(id.kind)) learn.push({ ...id, contactId: best.contact_id });
    out[i] = { contactId: best.contact_id, organizationId: best.organization_id, name: best.name, tier: effectiveTier(best.tier, best.organization_tier) };
  });
  await contactRepository.addIdentitiesMany(q, tenantId, uniqueBy(learn, identityKey), uuidv7);

  await createContacts(q, tenantId, list, identities, unknown, out);
  return out as RequesterOutcome[];
}

/** New requesters: one contact per group of requesters sharing an identity. */
async function createContacts(q: Queryable, tenantId: string, list: RequesterInput[], identities: Identity[][], unknown: number[], out: (RequesterOutcome | undefined)[]) {
  type Group = ResolvedRequester & { members: number[]; name: string; ids: Identity[] };
  const groupOf = new Map<string, Group>();
  const groups: Group[] = [];
  for (const i of unknown) {
    const r = list[i];
    const existing = identities[i].map((id) => groupOf.get(identityKey(id))).find(Boolean);
    if (existing) {
      existing.members.push(i);
      for (const id of identities[i]) if (!groupOf.has(identityKey(id))) (groupOf.set(identityKey(id), existing), existing.ids.push(id));
      continue;
    }
    // a new contact has no tier of its own; an organization's is read later, where it matters
    const g: Group = { contactId: uuidv7(), organizationId: r.organizationId ?? null, tier: r.organizationId ? undefined : 'standard', members: [i], name: r.name?.trim() || identities[i][0]?.value || '未知联系人', ids: [...identities[i]] };
    groups.push(g);
    for (const id of identities[i]) groupOf.set(identityKey(id), g);
  }
  if (!groups.length) return;
  await contactRepository.insertMany(q, groups.map((g) => ({ id: g.contactId, tenantId, name: g.name, organizationId: g.organizationId, tier: null })));
  const taken = await contactRepository.addIdentitiesMany(q, tenantId, uniqueBy(groups.flatMap((g) => g.ids.map((id) => ({ ...id, contactId: g.contactId }))), identityKey), uuidv7);
  if (taken.length) {
    // lost a race with another first contact from the same address: use theirs, give it the identities
    // ours did get (a phone the other request did not know), drop ours
    const winners = new Map((await contactRepository.identityOwners(q, taken)).map((o) => [identityKey(o), o]));
    for (const g of groups) {
      const t = taken.filter((id) => id.contactId === g.contactId).sort((a, b) => rank(a.kind) - rank(b.kind))[0];
      if (!t) continue;
      const w = winners.get(identityKey(t))!;
      await contactRepository.moveIdentities(q, g.contactId, w.contact_id);
      await contactRepository.delete(q, g.contactId);
      g.contactId = w.contact_id;
      g.organizationId = w.organization_id;
      g.name = w.name;
      g.tier = effectiveTier(w.tier, w.organization_tier);
    }
  }
  for (const g of groups) for (const i of g.members) out[i] = { contactId: g.contactId, organizationId: g.organizationId, name: g.name, tier: g.tier };
}

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}
