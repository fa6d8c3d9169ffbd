import type { TFunction } from 'i18next';
import type { Body } from '../../api/contract';

/** What a reply may name as its channel (POST /tickets/{id}/comments). */
export type ReplyChannel = NonNullable<Body<'/api/v1/tickets/{id}/comments', 'post'>['channel']>;

/** Channels the server can send a reply on (it has a sender for each); phone and IoT alarms cannot. */
export const SENDING_CHANNELS: readonly ReplyChannel[] = ['email', 'chat', 'wechat', 'wecom', 'dingtalk', 'feishu'];
const sends = (c: string): c is ReplyChannel => (SENDING_CHANNELS as readonly string[]).includes(c);

export interface ReplyChannelOption {
  value: ReplyChannel;
  label: string;
  /** what will happen to the reply, said under the picker */
  hint: string;
}

/**
 * The honest choices for a reply to the customer: the ticket's own channel when it can carry a reply,
 * 记录回电 on a phone ticket (the reply is the note of a call-back: nothing is sent), email when the
 * requester has an address, and 仅门户 (the customer reads it in the portal). The first is the default.
 */
export function replyChannelOptions(ticketChannel: string, requesterHasEmail: boolean, t: TFunction): ReplyChannelOption[] {
  const name = (c: string) => t(`channel.${c}`, { defaultValue: c });
  const options: ReplyChannelOption[] = [];
  if (sends(ticketChannel))
    options.push({ value: ticketChannel, label: t('intake.reply.ticketChannel', { channel: name(ticketChannel) }), hint: t('intake.reply.hintSend', { channel: name(ticketChannel) }) });
  if (ticketChannel === 'phone') options.push({ value: 'phone', label: t('intake.reply.callBack'), hint: t('intake.reply.hintCallBack') });
  if (ticketChannel !== 'email' && requesterHasEmail) options.push({ value: 'email', label: t('intake.reply.email'), hint: t('intake.reply.hintSend', { channel: name('email') }) });
  options.push({ value: 'portal', label: t('intake.reply.portal'), hint: t('intake.reply.hintPortal') });
  return options;
}
