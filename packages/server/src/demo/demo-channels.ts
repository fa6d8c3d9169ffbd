import type { Deps } from '../platform/deps';
import type { Actor } from '../modules/identity';
import { assignPublicKey, createChannel, createDeviceKey } from '../modules/intake';
import type { Catalog } from './demo-catalog';
import type { People } from './demo-people';

// The demo tenant's channels, so that what the README shows works on it: the mailbox the README's
// swaks mail goes to, a web form and a chat widget with their public keys, and the elevators' IoT
// gateway with a device key of its own.

export interface DemoChannels {
  /** Where customer mail reaches this tenant (the built-in SMTP listener). */
  mailbox: string;
  webFormKey: string;
  /** the web form channel (the portal submits through it) */
  webFormId: string;
  chatKey: string;
  /** The elevators' device key: shown once, here. */
  deviceKey: string;
}

/** The mailbox: support@example.com for the `default` tenant (the README's address), support@<slug>.example.com otherwise. */
export const demoDomain = (slug: string) => (slug === 'default' ? 'example.com' : `${slug}.example.com`);

export async function createChannels(deps: Deps, admin: Actor, o: { slug: string; people: People; catalog: Catalog }): Promise<DemoChannels> {
  const mailbox = `support@${demoDomain(o.slug)}`;
  // mail, form and chat leave category and team to the intelligence stage; alarms go to the elevator team
  await createChannel(deps, admin, { kind: 'email', name: '客服邮箱', address: mailbox });
  const web = await createChannel(deps, admin, { kind: 'web', name: '官网报修表单' });
  const chat = await createChannel(deps, admin, { kind: 'chat', name: '官网在线客服' });
  await createChannel(deps, admin, {
    kind: 'iot',
    name: '电梯物联网网关',
    defaults: { teamId: o.people.teams.get('elevator')!, categoryId: o.catalog.categoryIds.get('elevator')!, tags: ['电梯告警'] },
  });
  const webFormKey = (await assignPublicKey(deps, admin, web.id)).address!;
  const chatKey = (await assignPublicKey(deps, admin, chat.id)).address!;
  const { key } = await createDeviceKey(deps, admin, { name: '电梯物联网网关' });
  return { mailbox, webFormKey, webFormId: web.id, chatKey, deviceKey: key };
}
