import type { TFunction } from 'i18next';

/**
 * The channels a reply to the customer can go out on: the ticket's own (the default), email, or
 * none — the customer reads it in the portal (仅门户). The server falls back to the ticket's channel,
 * then email, when the picked one cannot reach the requester.
 */
export function replyChannelOptions(ticketChannel: string, t: TFunction): { value: string; label: string }[] {
  const label = t(`channel.${ticketChannel}`, { defaultValue: ticketChannel });
  const own = ticketChannel === 'email' || ticketChannel === 'portal' ? [] : [{ value: ticketChannel, label: t('intake.reply.ticketChannel', { channel: label }) }];
  return [
    ...own,
    { value: 'email', label: ticketChannel === 'email' ? t('intake.reply.ticketChannel', { channel: label }) : t('intake.reply.email') },
    { value: 'portal', label: t('intake.reply.portal') },
  ];
}
