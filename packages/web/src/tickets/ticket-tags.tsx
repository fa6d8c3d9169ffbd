import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Priority, Status } from '../api/types';

// How statuses and priorities look everywhere in the console, and which status changes are allowed.

const STATUS_COLOR: Record<Status, string> = { new: 'blue', open: 'processing', pending: 'gold', on_hold: 'default', resolved: 'success', closed: 'default' };
const PRIORITY_COLOR: Record<Priority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };

// Mirrors the server's rules (tickets/ticket-rules.ts); the server enforces them, the UI only offers them.
const TRANSITIONS: Record<Status, Status[]> = {
  new: ['open', 'pending', 'on_hold', 'resolved', 'closed'],
  open: ['pending', 'on_hold', 'resolved', 'closed'],
  pending: ['open', 'on_hold', 'resolved', 'closed'],
  on_hold: ['open', 'pending', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export const allowedStatuses = (from: Status): Status[] => [from, ...TRANSITIONS[from]];

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="status-tag">
      {t(`status.${status}`)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Tag color={PRIORITY_COLOR[priority]} data-testid="priority-tag">
      {t(`priority.${priority}`)}
    </Tag>
  );
}
