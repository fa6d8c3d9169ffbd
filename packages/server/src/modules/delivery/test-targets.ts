import { randomUUID } from 'node:crypto';
import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { DELIVERY_WRITERS } from './access';
import type { ClaimedDelivery, TargetKind } from './delivery-repository';
import { postJson } from './http-transport';
import { robotText } from './robot-messages';
import { sendDelivery } from './send-delivery';
import { channelRepository, webhookRepository } from './target-repository';

export const TEST_TIMEOUT_MS = 10_000;

export interface TestResult {
  ok: boolean;
  /** the HTTP status of the answer, when there was one */
  status: number | null;
  /** what the platform said when it refused (errcode / code and its message), or what went wrong */
  error: string | null;
  /** the X-Gongdan-Delivery id the test carried */
  deliveryId: string;
}

const claimed = (o: Partial<ClaimedDelivery> & Pick<ClaimedDelivery, 'target_kind' | 'request'>): ClaimedDelivery => ({
  id: randomUUID(),
  tenant_id: '',
  target_id: null,
  dedupe_key: 'test',
  ticket_id: null,
  state: 'pending',
  attempts: 1,
  next_attempt_at: new Date(),
  claimed_until: null,
  last_status: null,
  last_error: null,
  created_at: new Date(),
  delivered_at: null,
  target_url: null,
  webhook_secret: null,
  channel_config: null,
  target_active: true,
  target_exists: true,
  ...o,
});

async function run(deps: Deps, d: ClaimedDelivery): Promise<TestResult> {
  const a = await sendDelivery(d, deps.clock.now(), {
    post: postJson,
    mail: async () => undefined,
    timeoutMs: TEST_TIMEOUT_MS,
  });
  return { ok: a.ok, status: a.status, error: a.error, deliveryId: d.id };
}

/** Sends a signed `webhook.test` event to a webhook now (also when it is switched off) and reports the receiver's answer. */
export async function testWebhook(deps: Deps, actor: Actor, id: string): Promise<TestResult> {
  requireRole(actor, DELIVERY_WRITERS);
  const w = await deps.db.tenant(actor.tenantId, (q) => webhookRepository.byId(q, id));
  if (!w) throw notFound('Webhook');
  const eventId = randomUUID();
  const request = { id: eventId, event: 'webhook.test', ticketId: null, data: { message: '这是一条来自工单系统的测试消息' }, occurredAt: deps.clock.now().toISOString(), tenant: actor.tenantId };
  return run(deps, claimed({ target_kind: 'webhook', target_id: w.id, request, target_url: w.url, webhook_secret: w.secret }));
}

/** Sends a test message through a channel now (a robot posts in its group; the SMS gateway texts `to`) and reports the platform's answer. */
export async function testChannel(deps: Deps, actor: Actor, id: string, input: { to?: string }): Promise<TestResult> {
  requireRole(actor, DELIVERY_WRITERS);
  const c = await deps.db.tenant(actor.tenantId, (q) => channelRepository.byId(q, id));
  if (!c) throw notFound('Notification channel');
  if (c.kind === 'sms_gateway') {
    if (!input.to) throw invalid('to', 'Give the mobile number to send the test SMS to', 'required');
    return run(deps, claimed({ target_kind: 'sms', target_id: c.id, request: { to: input.to, text: '【测试】工单系统短信通道测试' }, target_url: c.config.url, channel_config: c.config }));
  }
  const kind: TargetKind = c.kind;
  const request = robotText(c.kind, '工单系统测试消息', `这是来自工单系统的测试消息（${c.name}），收到说明群机器人配置正确。`) as Record<string, unknown>;
  return run(deps, claimed({ target_kind: kind, target_id: c.id, request, target_url: c.config.url, channel_config: c.config }));
}
