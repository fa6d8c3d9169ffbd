import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ticket } from '../../api/types';
import { formatDateTime, formatRelative } from '../../i18n/format';
import { PriorityTag, StatusTag } from '../ticket-tags';
import { SlaCountdown } from '../../sla/sla-countdown';
import { ticketSla } from '../../sla/sla-types';

// The queue on a phone: one card per ticket with what an agent decides on — number, title, status,
// priority, requester, the SLA countdown and when it last changed. A tap opens the ticket; the next
// page loads with the 加载更多 button under the list.

interface Props {
  items: Ticket[];
  loading: boolean;
  onOpen: (t: Ticket) => void;
}

export function TicketCards({ items, loading, onOpen }: Props) {
  const { t } = useTranslation();
  if (!items.length) return loading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : <Empty description={t('list.empty')} />;
  return (
    <Flex vertical gap={8} data-testid="ticket-cards">
      {items.map((x) => (
        <Card key={x.id} size="small" hoverable onClick={() => onOpen(x)} data-testid={`ticket-card-${x.number}`} styles={{ body: { padding: '10px 12px' } }}>
          <Flex justify="space-between" align="center" gap={8}>
            <Link to={`/tickets/${x.number}`} data-testid="ticket-link" onClick={(e) => e.stopPropagation()}>
              #{x.number}
            </Link>
            <span style={{ whiteSpace: 'nowrap' }}>
              <StatusTag status={x.status} />
              <PriorityTag priority={x.priority} />
            </span>
          </Flex>
          <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: '6px 0 4px' }} data-testid="ticket-card-title">
            {x.title}
          </Typography.Paragraph>
          <Flex justify="space-between" gap={8}>
            <Typography.Text type="secondary" ellipsis style={{ minWidth: 0 }}>
              {x.requesterName ?? ''}
            </Typography.Text>
            {ticketSla(x) && <SlaCountdown clock={ticketSla(x)!} testId={`sla-card-${x.number}`} />}
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} title={formatDateTime(x.updatedAt)}>
              {t('list.cardUpdated', { time: formatRelative(x.updatedAt) })}
            </Typography.Text>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
