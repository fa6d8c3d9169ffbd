import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ticket } from '../../api/types';
import { formatDateTime, formatRelative } from '../../i18n/format';
import { useLocalName, useLookups } from '../../common/lookups';
import { PriorityTag, StatusTag } from '../ticket-tags';
import { SlaCountdown } from '../../sla/sla-countdown';
import { ticketSla } from '../../sla/sla-types';
import { columnLabelKey } from './filter-bar';
import type { Column } from './list-state';

// The queue itself: a virtual table (only the rows on screen are in the DOM), multi-select, and
// the next page asked for when the user scrolls near the end.

interface Props {
  items: Ticket[];
  columns: Column[];
  loading: boolean;
  hasMore: boolean;
  height: number;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onLoadMore: () => void;
  onOpen: (t: Ticket) => void;
}

// Narrowest widths that show each column's usual content (a status tag, a Chinese name, "3 小时前");
// the title takes the rest. The default columns fit a 1440 px screen with the views panel open
// (about 990 px for the table) without a horizontal scroll bar; more columns scroll.
export const WIDTH: Record<Column, number> = {
  number: 84,
  title: 200,
  status: 92,
  priority: 72,
  sla: 128,
  requester: 110,
  assignee: 100,
  team: 116,
  category: 130,
  channel: 90,
  tags: 160,
  createdAt: 150,
  updatedAt: 104,
};
const SELECTION = 48;

/** The width the columns need at least; a wider table gives the extra to them in proportion. */
export const tableMinWidth = (columns: Column[]) => columns.reduce((s, c) => s + WIDTH[c], SELECTION);

export function TicketTable({ items, columns, loading, hasMore, height, selected, onSelect, onLoadMore, onOpen }: Props) {
  const { t } = useTranslation();
  const { categoryById } = useLookups();
  const name = useLocalName();

  const cols = useMemo<ColumnsType<Ticket>>(() => {
    const render: Record<Column, (r: Ticket) => React.ReactNode> = {
      number: (r) => (
        <Link to={`/tickets/${r.number}`} data-testid="ticket-link" onClick={(e) => e.stopPropagation()}>
          #{r.number}
        </Link>
      ),
      title: (r) => (
        <Typography.Text ellipsis={{ tooltip: r.title }} style={{ maxWidth: '100%' }}>
          {r.title}
        </Typography.Text>
      ),
      status: (r) => <StatusTag status={r.status} />,
      priority: (r) => <PriorityTag priority={r.priority} />,
      sla: (r) => {
        const sla = ticketSla(r);
        return sla ? <SlaCountdown clock={sla} testId={`sla-cell-${r.number}`} /> : <Typography.Text type="secondary">{t('sla.list.none')}</Typography.Text>;
      },
      requester: (r) => r.requesterName ?? '',
      assignee: (r) => r.assigneeName ?? <Typography.Text type="secondary">{t('list.assigneeNone')}</Typography.Text>,
      team: (r) => r.teamName ?? '',
      category: (r) => (r.categoryId ? name(categoryById.get(r.categoryId)) : ''),
      channel: (r) => t(`channel.${r.channel}`, { defaultValue: r.channel }),
      tags: (r) => r.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
      createdAt: (r) => formatDateTime(r.createdAt),
      updatedAt: (r) => <span title={formatDateTime(r.updatedAt)}>{formatRelative(r.updatedAt)}</span>,
    };
    return columns.map((c) => ({ key: c, title: t(columnLabelKey(c)), width: WIDTH[c], ellipsis: c !== 'tags', render: (_: unknown, r: Ticket) => render[c](r) }));
  }, [columns, t, categoryById, name]);

  const scrollX = tableMinWidth(columns);
  return (
    <Table<Ticket>
      data-testid="ticket-table"
      virtual
      rowKey="id"
      size="middle"
      columns={cols}
      dataSource={items}
      loading={loading && !items.length}
      pagination={false}
      scroll={{ x: scrollX, y: height }}
      locale={{ emptyText: loading ? ' ' : <Empty description={t('list.empty')} /> }}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => onSelect(keys as string[]),
        columnWidth: SELECTION,
        // Ant Design names these check boxes in English ("Select all", "Select row 1")
        getTitleCheckboxProps: () => ({ 'aria-label': t('list.selectAll') }),
        getCheckboxProps: (r) => ({ 'aria-label': t('list.selectRow', { number: r.number }) }),
      }}
      onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' }, 'data-testid': `ticket-row-${r.number}` }) as React.HTMLAttributes<HTMLElement>}
      onScroll={(e) => {
        const el = e.currentTarget;
        if (hasMore && !loading && el.scrollHeight - el.scrollTop - el.clientHeight < 300) onLoadMore();
      }}
    />
  );
}
