import { randomBytes } from 'node:crypto';
import type { Deps } from '../platform/deps';
import { createWebhook, listWebhooks } from '../modules/delivery';
import type { Actor } from '../modules/identity';

const NAME = 'CRM 工单同步（示例）';

/**
 * One outbound webhook to show in the console: switched off (its address is an example), subscribed
 * to new tickets and SLA breaches. A demo loaded again keeps the one it has.
 */
export async function createDemoWebhook(deps: Deps, admin: Actor): Promise<string> {
  if ((await listWebhooks(deps, admin)).some((w) => w.name === NAME)) return NAME;
  await createWebhook(deps, admin, { name: NAME, url: 'https://crm.example.cn/hooks/gongdan', secret: `whsec_${randomBytes(24).toString('hex')}`, events: ['ticket.created', 'sla.breached'], active: false });
  return NAME;
}
