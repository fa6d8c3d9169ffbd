import { App, Button, Flex, Tag, Typography } from 'antd';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../common/api-errors';
import { formatDateTime } from '../../i18n/format';
import { AdminTablePage } from '../admin-table';
import { DELIVERY_KEYS, deliveryApi, type Delivery } from './delivery-api';

// 死信: the messages that were not delivered after the last retry — where to, the last error, how many
// attempts — each with 重新投递 (queued again; it leaves the list).

export default function DeadLettersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const dead = useInfiniteQuery({
    queryKey: DELIVERY_KEYS.dead,
    queryFn: ({ pageParam }) => deliveryApi.deliveries('dead', 50, pageParam || undefined),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor || undefined,
  });
  const rows = dead.data?.pages.flatMap((p) => p.items) ?? [];
  const replay = useMutation({
    mutationFn: (d: Delivery) => deliveryApi.replay(d.id),
    onSuccess: (_, d) => {
      void message.success(t('delivery.dead.replayed'));
      queryClient.setQueryData<typeof dead.data>(DELIVERY_KEYS.dead, (old) => old && { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.filter((x) => x.id !== d.id) })) });
    },
    onError: (err) => void message.error(errorMessage(err, t)),
  });
  // the webhook or channel by name; an SMS or mail by whom it was for
  const webhooks = useQuery({ queryKey: DELIVERY_KEYS.webhooks, queryFn: deliveryApi.webhooks });
  const channels = useQuery({ queryKey: DELIVERY_KEYS.channels, queryFn: deliveryApi.channels });
  const names = new Map<string, string>([...(webhooks.data?.items ?? []), ...(channels.data?.items ?? [])].map((x) => [x.id, x.name]));
  const target = (d: Delivery) => {
    const to = d.request.to;
    return (
      <Flex vertical gap={2}>
        <span>
          <Tag>{t(`delivery.kind.${d.targetKind}`, { defaultValue: d.targetKind })}</Tag>
          {(d.targetId && names.get(d.targetId)) ?? ''}
        </span>
        {typeof to === 'string' && <Typography.Text type="secondary">{to}</Typography.Text>}
      </Flex>
    );
  };
  return (
    <AdminTablePage<Delivery>
      testId="dead-letters-page"
      help={t('delivery.dead.intro')}
      error={dead.error}
      table={{
        dataSource: rows,
        loading: dead.isLoading,
        locale: { emptyText: t('delivery.dead.empty') },
        onRow: (d) => ({ 'data-testid': `dead-row-${d.id}` }) as React.HTMLAttributes<HTMLElement>,
        columns: [
          { key: 'time', title: t('delivery.dead.time'), width: 150, render: (_, d) => formatDateTime(d.createdAt) },
          { key: 'target', title: t('delivery.dead.target'), width: 220, render: (_, d) => target(d) },
          { key: 'ticket', title: t('delivery.dead.ticket'), width: 90, render: (_, d) => (d.ticketId ? <Link to={`/tickets/${d.ticketId}`}>{t('delivery.dead.open')}</Link> : '—') },
          {
            key: 'error',
            title: t('delivery.dead.error'),
            render: (_, d) => (
              <Typography.Text type="danger" style={{ wordBreak: 'break-word' }}>
                {[d.lastStatus ? t('delivery.dead.httpStatus', { status: d.lastStatus }) : '', d.lastError ?? ''].filter(Boolean).join(' · ')}
              </Typography.Text>
            ),
          },
          { key: 'attempts', title: t('delivery.dead.attempts'), width: 90, render: (_, d) => d.attempts },
          {
            key: 'replay',
            title: '',
            width: 110,
            render: (_, d) => (
              <Button size="small" loading={replay.isPending && replay.variables?.id === d.id} onClick={() => replay.mutate(d)} data-testid="dead-replay">
                {t('delivery.dead.replay')}
              </Button>
            ),
          },
        ],
      }}
    >
      {dead.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void dead.fetchNextPage()} loading={dead.isFetchingNextPage}>
          {t('delivery.dead.more')}
        </Button>
      )}
    </AdminTablePage>
  );
}
