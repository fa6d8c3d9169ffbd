import { useQuery } from '@tanstack/react-query';
import { Card, Space, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/types';
import { useMe } from '../auth/auth-context';
import { fieldApi } from './field-api';
import { VisitBooking } from './visit-booking';

// The ticket page's 上门服务 card (on-site tickets): the visit booked with the customer and where the visit
// stands; dispatchers (agents, supervisors, admins) and the assignee book or move it.

const BOOKERS = new Set(['admin', 'supervisor', 'agent']);

export function TicketVisitCard({ ticket, version = 0 }: { ticket: Ticket; version?: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const job = useQuery({ queryKey: ['field', 'job', ticket.id], queryFn: () => fieldApi.job(ticket.id), enabled: !!ticket.site, retry: false });
  const { refetch } = job;
  useEffect(() => {
    if (version > 0 && ticket.site) void refetch();
  }, [version, ticket.site, refetch]);
  if (!ticket.site || !job.data) return null;
  const j = job.data;
  return (
    <Card size="small" title={t('fieldApp.visitTitle')} style={{ marginTop: 12 }} data-testid="ticket-visit">
      <Space direction="vertical" size={4}>
        <VisitBooking ticketId={ticket.id} window={j.window} canBook={BOOKERS.has(me.role) || me.id === ticket.assigneeId} onBooked={() => void refetch()} />
        {j.visit && <Tag color="green">{t(`fieldApp.visit.${j.visit.state}`)}</Tag>}
      </Space>
    </Card>
  );
}
