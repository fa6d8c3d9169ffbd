import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import type { Identity } from '../customers';
import type { Priority } from '../tickets';
import type { IntakeErrorCode } from './intake-error-codes';

// The contract between the channel adapters (transports: SMTP, IMAP, MQTT, webhooks, WebSocket…)
// and the intake pipeline. A transport stores what it received with `receiveInbound` before it
// answers the sender; the intake worker later hands the stored row to the channel's adapter, whose
// `parse` says what the message means; the pipeline turns that into a ticket or a comment.

export const INTAKE_CHANNELS = ['email', 'web', 'chat', 'phone', 'wechat', 'wecom', 'dingtalk', 'feishu', 'iot'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** What a transport received, to be stored raw and durably before the sender gets its acknowledgement. */
export interface InboundEnvelope {
  tenantId: string;
  channel: IntakeChannel;
  /** the configured channel it came through (a mailbox, a WeCom app…), when there is one */
  channelId?: string | null;
  /** the sender's id of the message (Message-ID, platform msgid…): a second delivery is a duplicate; absent → never a duplicate */
  externalId?: string | null;
  contentType: string;
  raw: Buffer;
  /** facts of the delivery that are not in the raw bytes (SMTP envelope, remote address, MQTT topic…) */
  meta?: Record<string, unknown>;
}

export interface Received {
  id: string;
  /** the same external id was stored before: nothing new was stored */
  duplicate: boolean;
}

/** A stored inbound message as the worker hands it to an adapter. */
export interface InboundRow {
  id: string;
  tenantId: string;
  channel: IntakeChannel;
  channelId: string | null;
  externalId: string | null;
  receivedAt: Date;
  contentType: string;
  raw: Buffer;
  meta: Record<string, any>;
  attempts: number;
}

export interface InboundAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** What a message says, in channel-independent terms. */
export interface NormalizedMessage {
  /** who sent it; found or created as a contact by any of these identities */
  sender: { name?: string; email?: string; phone?: string; identities?: Identity[] };
  /** becomes the title of a new ticket */
  subject?: string;
  /** the new content as plain text (quoted history and signatures already stripped) */
  text: string;
  /** the new content as HTML, when the channel has it (sanitised by the pipeline) */
  html?: string;
  attachments?: InboundAttachment[];
  /** keys that find the ticket this message continues: In-Reply-To/References ids, a chat or call id, a device+code… */
  threadKeys?: string[];
  /** keys this message adds to its ticket, so later messages find it (its own Message-ID, the conversation id) */
  ownKeys?: string[];
  /** a ticket number the message quotes (e.g. "[#1234]" in an email subject) */
  ticketNumber?: number;
  /** false: only join an existing ticket; with none, the message is recorded as ignored (e.g. a recovery without an alarm) */
  mayCreate?: boolean;
  /** hints for a new ticket from the channel itself (an IoT alarm's severity, a form's category) */
  ticket?: { priority?: Priority; categoryId?: string; teamId?: string; typeId?: string; tags?: string[]; customFields?: Record<string, unknown>; assetId?: string };
}

export type ParseResult = { kind: 'message'; message: NormalizedMessage } | { kind: 'ignore'; reason: string };

/** What became of a processed message. */
export interface Outcome {
  outcome: 'created' | 'appended' | 'ignored';
  ticketId?: string;
  commentId?: string;
  reason?: string;
}

/** A message that can never be processed as it is (malformed, unknown sender tenant…): quarantined at once, not retried. */
export class PermanentIntakeError extends Error {
  constructor(
    readonly code: IntakeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ChannelAdapter {
  channel: IntakeChannel;
  /** Reads a stored raw message. Throw `PermanentIntakeError` for input that retrying cannot fix. */
  parse(row: InboundRow, ctx: { deps: Deps; channel: ChannelConfig | null }): Promise<ParseResult> | ParseResult;
  /**
   * Optional: processes many stored messages of one tenant at once (IoT alarms in bursts); returns one
   * outcome or error per row, in order. Without it each row goes through `parse` and the pipeline.
   */
  processBatch?(deps: Deps, tenantId: string, rows: InboundRow[]): Promise<(Outcome | Error)[]>;
}

/** A configured channel of a tenant (secrets included: for adapters, never for API answers). */
export interface ChannelConfig {
  id: string;
  tenantId: string;
  kind: IntakeChannel;
  name: string;
  enabled: boolean;
  address: string | null;
  settings: Record<string, any>;
  secrets: Record<string, any>;
  defaults: ChannelDefaults;
}

/** Routing rules a channel applies to the tickets it opens (until the intelligence stage sets them). */
export interface ChannelDefaults {
  categoryId?: string;
  teamId?: string;
  priority?: Priority;
  typeId?: string;
  tags?: string[];
}

/** A customer-visible reply to send back on a channel. */
export interface OutboundMessage {
  tenantId: string;
  ticketId: string;
  ticketNumber: number;
  ticketTitle: string;
  commentId: string;
  bodyHtml: string;
  bodyText: string;
  authorName: string;
  /** the requester's identity on this channel (email address, openid, userid…) */
  recipient: string;
  requesterName: string | null;
  /** the channel configuration the ticket came through, when known */
  channel: ChannelConfig | null;
  /** thread keys of the ticket (e.g. the Message-IDs to reference) */
  threadKeys: string[];
  attachments: { filename: string; contentType: string; read: () => Promise<Buffer> }[];
}

export interface ChannelSender {
  channel: IntakeChannel;
  /** which identity kind of the requester this channel sends to */
  identityKind: Identity['kind'];
  /** Sends one reply; returns the id the channel gave it and any thread keys it adds (its Message-ID). Throw to retry later. */
  send(deps: Deps, m: OutboundMessage): Promise<{ externalId?: string; threadKeys?: string[] }>;
}

export type { Queryable };
