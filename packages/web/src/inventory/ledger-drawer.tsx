import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Drawer, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../i18n/format';
import { inventoryApi, inventoryKeys, type Movement, type Part } from './inventory-api';

// 台账: a part's movements, newest first, page by page.

const COLOR: Record<string, string> = { received: 'green', returned: 'green', transferred_in: 'green', reserved: 'blue', released: 'default', drawn: 'orange', transferred_out: 'orange', adjusted: 'purple' };
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function LedgerDrawer({ part, onClose }: { part: Part | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useInfiniteQuery({
    queryKey: inventoryKeys.movements(part?.id ?? ''),
    enabled: !!part,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => inventoryApi.movements(part!.id, pageParam),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Drawer open={!!part} onClose={onClose} size="large" title={part ? t('inv.ledger.title', { code: part.code, name: part.name }) : ''} data-testid="ledger-drawer">
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('inv.ledger.time'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('inv.stock.warehouse'), dataIndex: 'warehouseName' },
          { title: t('inv.ledger.kind'), dataIndex: 'kind', render: (k: string) => <Tag color={COLOR[k]}>{t(`inv.move.${k}`)}</Tag> },
          { title: t('inv.ledger.change'), key: 'change', render: (_: unknown, m: Movement) => `${signed(m.onHandDelta)} / ${signed(m.reservedDelta)}` },
          { title: t('inv.ledger.after'), key: 'after', render: (_: unknown, m: Movement) => `${m.onHandAfter} / ${m.reservedAfter}` },
          { title: t('inv.stock.reason'), dataIndex: 'reason' },
          { title: t('inv.ledger.by'), dataIndex: 'actorName' },
          { title: t('inv.ledger.ticket'), dataIndex: 'ticketId', render: (id: string | null) => (id ? <Link to={`/tickets/${id}`}>{t('inv.ledger.ticket')}</Link> : null) },
        ]}
      />
      {q.hasNextPage && (
        <Button block style={{ marginTop: 8 }} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {t('inv.ledger.more')}
        </Button>
      )}
    </Drawer>
  );
}
