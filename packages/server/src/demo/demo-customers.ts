import type { Deps } from '../platform/deps';
import { createContact, createOrganization } from '../modules/customers';
import { createApiKey, createUser, type Actor, type UserRow } from '../modules/identity';
import { createAsset } from '../modules/assets';
import { CONTACTS, DEVICE_MODELS, ELEVATORS, NEWCOMERS, ORGANIZATIONS, type OrgKey, type OrgSeed } from './data';
import type { Random } from './random';

// Customers: organizations, contacts with several identities, portal users, the elevators as devices
// of the property managers (管理 → 设备); and the ERP system that files tickets through an API key.

export interface Contact {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  org?: OrgSeed;
  english: boolean;
  portalUserId?: string;
}

/** Someone who is not a contact yet; the same person every time they ask. */
export interface Newcomer {
  name: string;
  phone: string;
  /** The WeChat account they may write from. */
  openId?: string;
}

export interface Customers {
  /** Organization ids by key. */
  orgIds: Map<OrgKey, string>;
  /** People of CONTACTS in order. */
  contacts: Contact[];
  portalUsers: UserRow[];
  newcomers: Newcomer[];
  /** Registered devices. */
  assets: number;
}

/** A WeChat OpenID-looking string. */
export function wechatOpenId(rng: Random): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  return `o${rng.pick(['X', '6', 'p', 'Q'])}${Array.from({ length: 26 }, () => rng.pick([...abc])).join('')}`;
}

export async function createCustomers(deps: Deps, admin: Actor, rng: Random, password: string): Promise<Customers> {
  const orgIds = new Map<OrgKey, string>();
  for (const o of ORGANIZATIONS) orgIds.set(o.key, (await createOrganization(deps, admin, { name: o.name, tier: o.tier, domain: o.domain })).id);
  const contacts: Contact[] = [];
  for (const c of CONTACTS) {
    const org = ORGANIZATIONS.find((o) => o.key === c.org);
    const email = c.email ? (c.email.includes('@') ? c.email : `${c.email}@${org!.domain}`) : undefined;
    const identities: { kind: 'email' | 'phone' | 'wechat'; value: string }[] = [];
    if (email) identities.push({ kind: 'email', value: email });
    if (c.phone) identities.push({ kind: 'phone', value: c.phone });
    if (c.wechat) identities.push({ kind: 'wechat', value: wechatOpenId(rng) });
    const view = await createContact(deps, admin, { name: c.name, organizationId: org ? orgIds.get(org.key)! : null, identities });
    contacts.push({ id: view.id, name: c.name, email, phone: c.phone, org, english: !!c.english });
  }
  for (const e of ELEVATORS)
    await createAsset(deps, admin, {
      serial: e.device,
      model: DEVICE_MODELS.find((m) => m.value === e.model)!.label_zh,
      name: `${e.building} ${e.car} 号梯`,
      ownerContactId: contacts.find((c) => c.name === e.owner)!.id,
      organizationId: orgIds.get(e.org)!,
    });
  const newcomers = NEWCOMERS.map((n) => ({ name: n.name, phone: n.phone, openId: n.wechat ? wechatOpenId(rng) : undefined }));
  const portalUsers = await createPortalUsers(deps, admin, contacts, password);
  return { orgIds, contacts, portalUsers, newcomers, assets: ELEVATORS.length };
}

/** Sign-ins for the contacts marked `portal`; links each contact to its user. */
async function createPortalUsers(deps: Deps, admin: Actor, contacts: Contact[], password: string): Promise<UserRow[]> {
  const portalSeeds = CONTACTS.filter((c) => c.portal);
  const portalRows = await Promise.all(
    portalSeeds.map((seed) => {
      const c = contacts.find((x) => x.name === seed.name)!;
      return createUser(deps, admin, { email: c.email!, name: c.name, role: 'customer', password, contactId: c.id, locale: c.english ? 'en-US' : 'zh-CN' });
    }),
  );
  portalRows.forEach((u) => (contacts.find((c) => c.id === u.contact_id)!.portalUserId = u.id));
  return portalRows;
}

/** The ERP system's API key, as the actor its tickets come from. */
export async function createErpActor(deps: Deps, admin: Actor): Promise<Actor> {
  const erpKey = await createApiKey(deps, admin, { name: 'ERP 系统集成', role: 'agent' });
  return { tenantId: admin.tenantId, type: 'api_key', id: erpKey.id, name: erpKey.name, role: 'agent', scope: 'all', teamIds: [], contactId: null, credentialId: erpKey.id };
}
