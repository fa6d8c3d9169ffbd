import { z } from 'zod';
import { Limit, Uuid } from '../../platform/http/schemas';
import { PRIORITIES } from '../tickets';
import { INTAKE_CHANNELS } from './intake-types';

const Iso = z.string().describe('ISO-8601 date-time');

export const RoutingRuleSchema = z.strictObject({
  keywords: z.array(z.string().trim().min(1).max(100)).min(1).max(50).describe('Words or phrases (Chinese is matched on jieba words)'),
  categoryId: Uuid.optional(),
  teamId: Uuid.optional(),
  priority: z.enum(PRIORITIES).optional(),
  tags: z.array(z.string().max(64)).max(20).optional(),
});

export const ChannelDefaultsSchema = z.strictObject({
  categoryId: Uuid.optional(),
  teamId: Uuid.optional(),
  priority: z.enum(PRIORITIES).optional(),
  typeId: Uuid.optional(),
  tags: z.array(z.string().max(64)).max(20).optional(),
  rules: z.array(RoutingRuleSchema).max(100).optional().describe('Keyword rules; the first match sets category, team, priority and adds tags'),
});

export const CreateChannelBody = z.strictObject({
  kind: z.enum(INTAKE_CHANNELS),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  enabled: z.boolean().optional(),
  address: z.string().trim().max(320).nullable().optional().describe('What routes messages to this channel: a mail address or @domain, an app / corp id…'),
  settings: z.record(z.string(), z.unknown()).optional().describe('Non-secret settings of the channel kind (see docs/channels)'),
  secrets: z.record(z.string(), z.unknown()).optional().describe('Tokens, keys and passwords: stored, never returned; null removes one'),
  defaults: ChannelDefaultsSchema.optional(),
});
export const UpdateChannelBody = CreateChannelBody.omit({ kind: true }).partial();

export const ChannelSchema = z
  .object({
    id: Uuid,
    kind: z.enum(INTAKE_CHANNELS),
    name: z.string(),
    enabled: z.boolean(),
    address: z.string().nullable(),
    settings: z.record(z.string(), z.unknown()),
    secretsSet: z.array(z.string()).describe('Names of the secrets that are set'),
    defaults: z.record(z.string(), z.unknown()),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .meta({ id: 'Channel' });

export const ListChannelsQuery = z.strictObject({ kind: z.enum(INTAKE_CHANNELS).optional() });

export const InboundSchema = z
  .object({
    id: Uuid,
    channel: z.string(),
    channelId: Uuid.nullable(),
    externalId: z.string(),
    receivedAt: Iso,
    contentType: z.string(),
    size: z.number(),
    meta: z.record(z.string(), z.unknown()),
    state: z.enum(['pending', 'processed', 'ignored', 'quarantined']),
    attempts: z.number(),
    nextAttemptAt: Iso.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    outcome: z.string().nullable(),
    ticketId: Uuid.nullable(),
    ticketNumber: z.number().nullable(),
    commentId: Uuid.nullable(),
    processedAt: Iso.nullable(),
  })
  .meta({ id: 'InboundMessage' });

export const ListInboundQuery = z.strictObject({
  state: z.enum(['pending', 'processed', 'ignored', 'quarantined']).optional(),
  channel: z.enum(INTAKE_CHANNELS).optional(),
  cursor: z.string().max(200).optional(),
  limit: Limit(200, 50),
});

export const OutboundSchema = z.object({
  id: Uuid,
  commentId: Uuid,
  channel: z.string(),
  recipient: z.string(),
  state: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number(),
  externalId: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable().describe('Why the last attempt failed (failed: for good; pending: it will be retried)'),
  createdAt: Iso,
  sentAt: Iso.nullable(),
});
