import { Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboundMessage } from '../../api/intake-types';
import { formatDateTime } from '../../i18n/format';
import { metaSummary } from './meta-summary';
import { canRetry, InboundStateTag } from './state-tag';
import { ChannelError } from './channel-error';

// The intake archive as a table: channel, when, who / about what, state, outcome, ticket, error.

interface Props {
  items: InboundMessage[];
  loading: boolean;
  admin: boolean;
  retrying: string | null;
  onOpen: (m: InboundMessage) => void;
  onRetry: (m: InboundMessage) => void;
}

export function TicketLink({ m }: { m: Pick<InboundMessage, 'ticketId' | 'ticketNumber'> }) {
  const { t } = useTranslation();
  if (!m.ticketId) return null;
  return (
    <Link to={`/tickets/${m.ticketNumber ?? m.ticketId}`} data-testid="inbound-ticket">
      {m.ticketNumber ? `#${m.ticketNumber}` : t('intake.inbox.openTicket')}
    </Link>
  );
}

export function IntakeTable({ items, loading, admin, retrying, onOpen, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <Table<InboundMessage>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 1000 }}
      data-testid="intake-table"
      locale={{ emptyText: t('intake.inbox.empty') }}
      onRow={(m) => ({ 'data-testid': `inbound-row-${m.id}`, 'data-state': m.state }) as never}
      columns={[
        { key: 'channel', title: t('intake.inbox.channel'), width: 100, render: (_, m) => <Tag>{t(`channel.${m.channel}`, { defaultValue: m.channel })}</Tag> },
        {
          key: 'received',
          title: t('intake.inbox.received'),
          width: 160,
          render: (_, m) => (
            <Typography.Link onClick={() => onOpen(m)} data-testid="inbound-open">
              {formatDateTime(m.receivedAt)}
            </Typography.Link>
          ),
        },
        {
          key: 'sender',
          title: t('intake.inbox.sender'),
          render: (_, m) => {
            const s = metaSummary(m);
            return (
              <div style={{ minWidth: 0 }}>
                <div>{s.sender ?? <Typography.Text type="secondary">{m.externalId || '—'}</Typography.Text>}</div>
                {s.about && (
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 280 }} title={s.about}>
                    {s.about}
                  </Typography.Text>
                )}
              </div>
            );
          },
        },
        { key: 'state', title: t('intake.inbox.stateCol'), width: 90, render: (_, m) => <InboundStateTag state={m.state} /> },
        {
          key: 'outcome',
          title: t('intake.inbox.outcome'),
          width: 170,
          render: (_, m) => (
            <>
              {m.outcome && <div>{t(`intake.inbox.outcomes.${m.outcome}`, { defaultValue: m.outcome })}</div>}
              <TicketLink m={m} />
            </>
          ),
        },
        {
          key: 'error',
          title: t('intake.inbox.error'),
          render: (_, m) =>
            m.error && (
              <div data-testid="inbound-error">
                <ChannelError error={m.error} />
              </div>
            ),
        },
        {
          key: 'actions',
          title: '',
          width: 100,
          render: (_, m) =>
            canRetry(m.state, admin) && (
              <Button size="small" loading={retrying === m.id} onClick={() => onRetry(m)} data-testid="inbound-retry">
                {t('intake.inbox.retry')}
              </Button>
            ),
        },
      ]}
    />
  );
}
