import { PermanentIntakeError, type ChannelConfig } from '../../intake-types';
import { CallbackRejected } from './callback-rejected';

export type MessagingPlatform = 'wecom' | 'wechat' | 'dingtalk' | 'feishu';

export interface CallbackRequest {
  query: Record<string, string | undefined>;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** What a verified callback asks for: an answer only (URL verification), or a message to store first. */
export type CallbackResult =
  | { kind: 'answer'; contentType: string; body: string }
  | {
      kind: 'store';
      /** the verified (decrypted) message as it will be archived */
      raw: Buffer;
      /** the message as parsed (and as the adapter will read it): its text is checked before the platform gets its 200 */
      read: unknown;
      contentType: string;
      /** the platform's message id (a second delivery is a duplicate) */
      externalId: string | null;
      /** the sender's conversation: its messages are processed in order */
      lane: string;
      meta: Record<string, unknown>;
      /** what the platform expects once the message is stored */
      ack: { contentType: string; body: string };
    };

/** One platform's callback protocol: verification, decryption, and what to answer. Pure: no I/O. */
export interface PlatformCallback {
  platform: MessagingPlatform;
  get?(channel: ChannelConfig, req: CallbackRequest, now: Date): CallbackResult;
  post(channel: ChannelConfig, req: CallbackRequest, now: Date): CallbackResult;
}

export const header = (req: CallbackRequest, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

const missing = (name: string, where: string) => `The channel has no ${where}.${name}; set it in 渠道管理 (PATCH /api/v1/channels/:id)`;

/** A setting or secret the callback needs; its absence is the admin's to fix (answered 403, logged). */
export function required(values: Record<string, any>, name: string, where: 'settings' | 'secrets'): string {
  const v = values?.[name];
  if (typeof v !== 'string' || !v) throw new CallbackRejected(403, 'CHANNEL_NOT_CONFIGURED', missing(name, where));
  return v;
}

/** A setting or secret a sender or adapter needs: missing, the message or reply cannot go anywhere until an admin fixes it. */
export function configured(values: Record<string, any>, name: string, where: 'settings' | 'secrets'): string {
  const v = values?.[name];
  if ((typeof v !== 'string' && typeof v !== 'number') || v === '') throw new PermanentIntakeError('CHANNEL_NOT_CONFIGURED', missing(name, where));
  return String(v);
}
