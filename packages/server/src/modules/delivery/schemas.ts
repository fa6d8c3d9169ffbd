import { z } from 'zod';
import { Limit, Uuid } from '../../platform/http/schemas';

const Iso = z.string().describe('ISO-8601 date-time');
const Url = z.string().trim().min(1, 'must not be empty').max(2000).describe('http:// or https:// address');

export const WebhookBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  url: Url,
  secret: z.string().min(16, 'at least 16 characters').max(500).optional().describe('HMAC-SHA256 signing secret (required on create; left out on update keeps the current one)'),
  events: z.array(z.string().max(100)).max(100).describe("Event kinds it receives: 'ticket.created', prefixes 'sla.*', or '*' for all; empty: none (automation's webhook action only)"),
  active: z.boolean().optional(),
});

export const WebhookSchema = z
  .object({
    id: Uuid,
    name: z.string(),
    url: z.string(),
    secret: z.string().describe('Masked: only its last 4 characters'),
    events: z.array(z.string()),
    active: z.boolean(),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .meta({ id: 'Webhook' });
export const WebhookList = z.object({ items: z.array(WebhookSchema) });

export const ChannelKind = z.enum(['wecom_robot', 'dingtalk_robot', 'feishu_robot', 'sms_gateway']);
const ChannelConfigBody = z.strictObject({
  url: Url.optional().describe("The robot's webhook address (with its key / access_token) or the SMS gateway's; required on create"),
  secret: z.string().max(500).nullable().optional().describe('DingTalk 加签 / Feishu 签名校验 secret; null clears it, left out keeps it'),
  token: z.string().max(2000).nullable().optional().describe('SMS gateway: bearer token'),
  sign: z.string().max(50).nullable().optional().describe('SMS gateway: the signature (签名) passed on as `sign`'),
});
export const ChannelBody = z.strictObject({
  kind: ChannelKind,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  config: ChannelConfigBody,
  active: z.boolean().optional(),
});
export const ChannelUpdateBody = ChannelBody.extend({ kind: ChannelKind.optional().describe('Cannot change') });

export const ChannelSchema = z
  .object({
    id: Uuid,
    kind: ChannelKind,
    name: z.string(),
    config: z.object({
      url: z.string().describe("Robots: the address with its key / token masked"),
      secret: z.string().nullable().describe('Masked'),
      token: z.string().nullable().describe('Masked'),
      sign: z.string().nullable(),
    }),
    active: z.boolean(),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .meta({ id: 'NotificationChannel' });
export const ChannelList = z.object({ items: z.array(ChannelSchema) });

export const ChannelTestBody = z.strictObject({ to: z.string().trim().regex(/^\+?[0-9]{5,20}$/, 'a mobile number').optional().describe('SMS gateway: the number to text') });

export const TestResultSchema = z
  .object({
    ok: z.boolean(),
    status: z.number().int().nullable().describe('HTTP status of the answer'),
    error: z.string().nullable().describe("The platform's code and message when it refused (e.g. errcode 310000: sign not match), or what went wrong"),
    deliveryId: Uuid.describe('The X-Gongdan-Delivery id the test carried'),
  })
  .meta({ id: 'DeliveryTestResult' });

export const DeliveriesQuery = z.strictObject({
  state: z.enum(['dead', 'pending', 'delivered']).default('dead'),
  limit: Limit(200, 50),
  cursor: Uuid.optional().describe('nextCursor of the previous page'),
});

export const DeliverySchema = z
  .object({
    id: Uuid.describe('Also the X-Gongdan-Delivery header of every attempt'),
    targetKind: z.enum(['webhook', 'wecom_robot', 'dingtalk_robot', 'feishu_robot', 'sms', 'email']),
    targetId: Uuid.nullable(),
    dedupeKey: z.string(),
    ticketId: Uuid.nullable(),
    state: z.enum(['pending', 'delivered', 'dead']),
    attempts: z.number().int(),
    nextAttemptAt: Iso,
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: Iso,
    deliveredAt: Iso.nullable(),
    request: z.record(z.string(), z.unknown()).describe('The message as enqueued: a webhook event, a robot message, or an email / SMS with its recipient `to`'),
  })
  .meta({ id: 'Delivery' });
export const DeliveryPage = z.object({ items: z.array(DeliverySchema), nextCursor: Uuid.nullable() });
