import { Button, List, Progress, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ticketsApi } from '../../api/endpoints';
import type { Subtask, Ticket, TicketLink, Watcher } from '../../api/types';
import type { SignedIn } from '../../auth/auth-context';
import { errorMessage } from '../../common/api-errors';
import { searchStaff } from '../../common/people-search';
import { RemoteSelect } from '../../common/remote-select';
import { StatusTag } from '../ticket-tags';
import { App } from 'antd';

// The side panel's lists around a ticket: the requester's other tickets, linked tickets,
// sub-tasks with progress, watchers.

const TicketRow = ({ number, title, status, extra }: { number: number; title: string; status: Ticket['status']; extra?: React.ReactNode }) => (
  <List.Item style={{ padding: '4px 0' }}>
    <Space size={4} style={{ width: '100%', minWidth: 0 }}>
      {extra}
      <Link to={`/tickets/${number}`}>#{number}</Link>
      <Typography.Text ellipsis style={{ maxWidth: 150 }} title={title}>
        {title}
      </Typography.Text>
      <StatusTag status={status} />
    </Space>
  </List.Item>
);

export function RequesterTickets({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Ticket[] | null>(null);
  useEffect(() => {
    if (!ticket.requesterId) return setItems([]);
    ticketsApi
      .list({ requesterId: ticket.requesterId, sort: '-updated_at', limit: 6 })
      .then((p) => setItems(p.items.filter((x) => x.id !== ticket.id).slice(0, 5)))
      .catch(() => setItems([]));
  }, [ticket.requesterId, ticket.id]);
  return (
    <List
      data-testid="requester-tickets"
      size="small"
      loading={items === null}
      dataSource={items ?? []}
      locale={{ emptyText: t('detail.noOtherTickets') }}
      renderItem={(x) => <TicketRow number={x.number} title={x.title} status={x.status} />}
    />
  );
}

export function LinksAndSubtasks({ ticket, version }: { ticket: Ticket; version: number }) {
  const { t } = useTranslation();
  const [links, setLinks] = useState<TicketLink[]>([]);
  const [subtasks, setSubtasks] = useState<{ items: Subtask[]; total: number; done: number }>({ items: [], total: 0, done: 0 });
  useEffect(() => {
    ticketsApi.links(ticket.id).then((r) => setLinks(r.items)).catch(() => undefined);
    ticketsApi.subtasks(ticket.id).then(setSubtasks).catch(() => undefined);
  }, [ticket.id, version]);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('detail.links')}
      </Typography.Title>
      {links.length ? (
        <List
          data-testid="ticket-links"
          size="small"
          dataSource={links}
          renderItem={(l) => <TicketRow number={l.number} title={l.title} status={l.status} extra={<Tag>{t(`detail.linkKind.${l.kind}`)}</Tag>} />}
        />
      ) : (
        <Typography.Text type="secondary">{t('detail.noLinks')}</Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('detail.subtasks')}
      </Typography.Title>
      {subtasks.total ? (
        <div data-testid="subtasks">
          <Progress percent={Math.round((subtasks.done / subtasks.total) * 100)} size="small" format={() => t('detail.subtaskProgress', { done: subtasks.done, total: subtasks.total })} />
          <List size="small" dataSource={subtasks.items} renderItem={(s) => <TicketRow number={s.number} title={s.title} status={s.status} />} />
        </div>
      ) : (
        <Typography.Text type="secondary">{t('detail.noSubtasks')}</Typography.Text>
      )}
    </>
  );
}

export function Watchers({ ticket, me }: { ticket: Ticket; me: SignedIn }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<Watcher[]>([]);
  const [adding, setAdding] = useState<string | undefined>();
  const load = useCallback(() => ticketsApi.watchers(ticket.id).then((r) => setItems(r.items)).catch(() => undefined), [ticket.id]);
  useEffect(() => void load(), [load]);
  const act = (p: Promise<{ items: Watcher[] }>) => p.then((r) => setItems(r.items)).catch((err) => message.error(errorMessage(err, t)));
  const watching = items.some((w) => w.userId === me.id);
  return (
    <div data-testid="watchers">
      <Space wrap style={{ marginBottom: 8 }}>
        {items.map((w) => (
          <Tag key={w.userId} closable onClose={(e) => (e.preventDefault(), void act(ticketsApi.removeWatcher(ticket.id, w.userId)))}>
            {w.name}
          </Tag>
        ))}
        {!items.length && (
          <Typography.Text type="secondary" data-testid="watchers-empty">
            {t('detail.noWatchers')}
          </Typography.Text>
        )}
      </Space>
      <Space.Compact style={{ width: '100%' }}>
        <RemoteSelect testId="watcher-add" placeholder={t('detail.addWatcher')} value={adding} onChange={(v) => {
          setAdding(undefined);
          if (v) void act(ticketsApi.addWatcher(ticket.id, v));
        }} search={searchStaff} style={{ flex: 1 }} />
        <Button data-testid="watch-toggle" onClick={() => act(watching ? ticketsApi.removeWatcher(ticket.id, me.id) : ticketsApi.addWatcher(ticket.id, me.id))}>
          {watching ? t('detail.unwatch') : t('detail.watch')}
        </Button>
      </Space.Compact>
    </div>
  );
}
