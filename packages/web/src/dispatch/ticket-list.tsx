import { Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../api/types';
import { PriorityTag } from '../tickets/ticket-tags';
import type { BoardTicket } from './dispatch-types';
import { urgency } from './map-markers';
import { startTicketDrag } from './schedule-drag';

// The open field tickets beside the map, those waiting for someone first, then the most urgent. Each can be
// dragged onto an engineer's row of the 日程 board.

const RANK = { overdue: 0, soon: 1, ok: 2, none: 3 } as const;

export function sortForDispatch(tickets: BoardTicket[], now: number): BoardTicket[] {
  return [...tickets].sort(
    (a, b) => Number(!!a.assigneeId) - Number(!!b.assigneeId) || RANK[urgency(a.dueAt, now)] - RANK[urgency(b.dueAt, now)] || Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
}

export function TicketList({ tickets, selectedId, now, onSelect }: { tickets: BoardTicket[]; selectedId: string | null; now: number; onSelect: (t: BoardTicket) => void }) {
  const { t } = useTranslation();
  const noSite = tickets.filter((tk) => !tk.site).length;
  if (!tickets.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatchMap.map.noTickets')} />;
  return (
    <>
      <List
        size="small"
        dataSource={sortForDispatch(tickets, now)}
        style={{ maxHeight: 260, overflow: 'auto' }}
        renderItem={(tk) => {
          const u = urgency(tk.dueAt, now);
          return (
            <List.Item
              onClick={() => onSelect(tk)}
              draggable
              onDragStart={(e) => startTicketDrag(e, tk.id)}
              style={{ cursor: 'pointer', background: tk.id === selectedId ? '#e6f4ff' : undefined, paddingInline: 8 }}
              data-testid="dispatch-ticket"
              data-ticket-id={tk.id}
            >
              <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
                #{tk.number} <span data-testid="ticket-card-title">{tk.title}</span>
              </Typography.Text>
              <PriorityTag priority={tk.priority as Priority} />
              {u === 'overdue' || u === 'soon' ? <Tag color="red">{t(u === 'overdue' ? 'dispatchMap.map.overdue' : 'dispatchMap.map.dueSoon')}</Tag> : null}
              <Tag>{tk.assignmentState ? t(`dispatchMap.state.${tk.assignmentState}`) : t(tk.queued ? 'dispatchMap.state.queued' : 'dispatchMap.map.unassigned')}</Tag>
            </List.Item>
          );
        }}
      />
      {noSite > 0 && <Typography.Text type="secondary">{t('dispatchMap.map.noSite', { count: noSite })}</Typography.Text>}
    </>
  );
}
