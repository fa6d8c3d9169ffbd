import type { Priority } from './types';

// Shapes of the channel administration, the intake archive and a ticket's channel log
// (GET /api/v1/channels, /intake/messages, /tickets/:id/channel-log).

export const INTAKE_KINDS = ['email', 'web', 'chat', 'phone', 'wechat', 'wecom', 'dingtalk', 'feishu', 'iot'] as const;
export type IntakeKind = (typeof INTAKE_KINDS)[number];

export interface RoutingRule {
  keywords: string[];
  categoryId?: string;
  teamId?: string;
  priority?: Priority;
  tags?: string[];
}

export interface ChannelDefaults {
  categoryId?: string;
  teamId?: string;
  priority?: Priority;
  typeId?: string;
  tags?: string[];
  rules?: RoutingRule[];
}

export interface IntakeChannel {
  id: string;
  kind: IntakeKind;
  name: string;
  enabled: boolean;
  address: string | null;
  settings: Record<string, unknown>;
  /** names of the secrets that are set; their values are never returned */
  secretsSet: string[];
  defaults: ChannelDefaults;
  createdAt: string;
  updatedAt: string;
}

export interface ChannelInput {
  kind?: IntakeKind;
  name?: string;
  enabled?: boolean;
  address?: string | null;
  settings?: Record<string, unknown>;
  /** write-only: a value replaces the stored one, null removes it */
  secrets?: Record<string, string | null>;
  defaults?: ChannelDefaults;
}

export const INBOUND_STATES = ['pending', 'processed', 'ignored', 'quarantined'] as const;
export type InboundState = (typeof INBOUND_STATES)[number];

export interface InboundMessage {
  id: string;
  channel: string;
  channelId: string | null;
  externalId: string;
  receivedAt: string;
  contentType: string;
  size: number;
  meta: Record<string, unknown>;
  state: InboundState;
  attempts: number;
  nextAttemptAt: string | null;
  error: { code: string; message: string } | null;
  outcome: string | null;
  ticketId: string | null;
  /** when the server adds it: the linked ticket's number */
  ticketNumber?: number | null;
  commentId: string | null;
  processedAt: string | null;
}

export interface InboundPage {
  items: InboundMessage[];
  nextCursor: string | null;
  counts: Record<string, number>;
}

export interface OutboundDelivery {
  id: string;
  commentId: string;
  channel: string;
  recipient: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  externalId: string | null;
  /** why the last attempt failed: for good when failed, to be retried when pending */
  error: { code: string; message: string } | null;
  createdAt: string;
  sentAt: string | null;
}

export interface ChannelLog {
  inbound: InboundMessage[];
  outbound: OutboundDelivery[];
}
