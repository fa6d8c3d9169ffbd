import { Tag, Tooltip } from 'antd';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelLog, OutboundDelivery } from '../../api/intake-types';
import type { TicketEvent } from '../../api/types';
import { channelErrorMessage } from '../../common/api-errors';

// A staff reply says where it went, apart from where it was written (来自网页): 已通过邮件发送 with
// its delivery state, 已记为回电, 仅门户可见. The ticket page provides the deliveries of its channel log.

export const DeliveriesContext = createContext<ReadonlyMap<string, OutboundDelivery>>(new Map());

export const deliveriesByComment = (log: ChannelLog): ReadonlyMap<string, OutboundDelivery> => new Map(log.outbound.map((o) => [o.commentId, o]));

const COLORS: Record<OutboundDelivery['state'], string> = { sent: 'success', failed: 'error', pending: 'processing' };

export function DeliveryTag({ event }: { event: TicketEvent }) {
  const { t } = useTranslation();
  const deliveries = useContext(DeliveriesContext);
  const d = deliveries.get(String(event.data.commentId ?? ''));
  if (d) {
    const channel = t(`channel.${d.channel}`, { defaultValue: d.channel });
    return (
      <Tooltip title={d.state !== 'sent' && d.error ? channelErrorMessage(d.error.code, t) : t('intake.log.to', { recipient: d.recipient })}>
        <Tag color={COLORS[d.state]} data-testid="entry-delivery" data-state={d.state}>
          {t(`intake.delivery.${d.state}`, { channel })}
        </Tag>
      </Tooltip>
    );
  }
  const via = event.data.deliverVia;
  if (via === 'phone' || via === 'portal')
    return (
      <Tag data-testid="entry-delivery" data-state={via}>
        {t(`intake.delivery.${via}`)}
      </Tag>
    );
  return null;
}
