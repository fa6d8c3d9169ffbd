import { isUniqueViolation } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { requireRole, type Actor } from '../identity';
import { DELIVERY_READERS, DELIVERY_WRITERS } from './access';
import { webhookRepository } from './target-repository';
import { checkEvents, checkSecret, checkUrl } from './target-rules';
import { toWebhookView, type WebhookView } from './target-views';

export interface WebhookInput {
  name: string;
  url: string;
  /** the signing secret (≥ 16 characters); on update, left out keeps the current one */
  secret?: string;
  events: string[];
  active?: boolean;
}

const nameTaken = (name: string) => new AppError('CONFLICT', `A webhook named "${name}" exists already: choose another name`, { field: 'name' });

export async function listWebhooks(deps: Deps, actor: Actor): Promise<WebhookView[]> {
  requireRole(actor, DELIVERY_READERS);
  return (await deps.db.tenant(actor.tenantId, (q) => webhookRepository.list(q))).map(toWebhookView);
}

export async function createWebhook(deps: Deps, actor: Actor, input: WebhookInput): Promise<WebhookView> {
  requireRole(actor, DELIVERY_WRITERS);
  if (!input.secret) throw new AppError('VALIDATION_FAILED', 'Give the webhook a signing secret (at least 16 characters)', { field: 'secret', details: [{ field: 'secret', code: 'required', message: 'Give the webhook a signing secret (at least 16 characters)' }] });
  const now = deps.clock.now();
  const row = {
    id: uuidv7(now.getTime()),
    tenant_id: actor.tenantId,
    name: input.name.trim(),
    url: checkUrl('url', input.url),
    secret: checkSecret(input.secret),
    events: checkEvents(input.events),
    active: input.active ?? true,
    created_at: now,
    updated_at: now,
  };
  try {
    return toWebhookView(await deps.db.tenant(actor.tenantId, (q) => webhookRepository.insert(q, row)));
  } catch (err) {
    throw isUniqueViolation(err) ? nameTaken(row.name) : err;
  }
}

export async function updateWebhook(deps: Deps, actor: Actor, id: string, input: WebhookInput): Promise<WebhookView> {
  requireRole(actor, DELIVERY_WRITERS);
  const url = checkUrl('url', input.url);
  const events = checkEvents(input.events);
  const name = input.name.trim();
  try {
    return await deps.db.tenant(actor.tenantId, async (q) => {
      const current = await webhookRepository.byId(q, id);
      if (!current) throw notFound('Webhook');
      const row = await webhookRepository.update(q, {
        id,
        name,
        url,
        events,
        secret: input.secret ? checkSecret(input.secret) : current.secret,
        active: input.active ?? current.active,
        updated_at: deps.clock.now(),
      });
      return toWebhookView(row!);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? nameTaken(name) : err;
  }
}

export async function deleteWebhook(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, DELIVERY_WRITERS);
  if (!(await deps.db.tenant(actor.tenantId, (q) => webhookRepository.remove(q, id)))) throw notFound('Webhook');
}
