import { Button, Flex, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ticketsApi } from '../api/endpoints';
import type { Ticket } from '../api/types';
import { errorMessage } from '../common/api-errors';
import { formatDateTime } from '../i18n/format';
import { PriorityTag, StatusTag } from '../tickets/ticket-tags';

// The tickets of an organization or of a contact (as requester), newest activity first, by keyset pages.

const PAGE = 20;

export function CustomerTickets({ filter, testId }: { filter: { organizationId: string } | { requesterId: string }; testId: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Ticket[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(filter);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await ticketsApi.list({ ...(JSON.parse(key) as typeof filter), sort: '-updated_at', limit: PAGE, cursor: after ?? undefined });
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (err) {
        setError(errorMessage(err, t));
      } finally {
        setLoading(false);
      }
    },
    [key, t],
  );
  useEffect(() => void load(null), [load]);

  return (
    <div data-testid={testId}>
      <Table<Ticket>
        size="small"
        rowKey="id"
        loading={loading && !items.length}
        dataSource={items}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: error ?? t('customers.noTickets') }}
        columns={[
          { key: 'number', title: t('field.number'), width: 90, render: (_, x) => <Link to={`/tickets/${x.number}`}>#{x.number}</Link> },
          { key: 'title', title: t('field.title'), ellipsis: true, render: (_, x) => <Link to={`/tickets/${x.number}`}>{x.title}</Link> },
          { key: 'status', title: t('field.status'), width: 110, render: (_, x) => <StatusTag status={x.status} /> },
          { key: 'priority', title: t('field.priority'), width: 90, render: (_, x) => <PriorityTag priority={x.priority} /> },
          { key: 'updatedAt', title: t('field.updatedAt'), width: 150, render: (_, x) => <Typography.Text type="secondary">{formatDateTime(x.updatedAt)}</Typography.Text> },
        ]}
      />
      {cursor && (
        <Flex justify="center" style={{ marginTop: 8 }}>
          <Button onClick={() => void load(cursor)} loading={loading} data-testid={`${testId}-more`}>
            {t('list.loadMore')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
