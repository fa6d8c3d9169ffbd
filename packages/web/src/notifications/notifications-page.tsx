import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Empty, Flex, List, Segmented, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { notificationsApi } from '../api/endpoints';
import type { Notification } from '../api/types';
import { errorMessage } from '../common/api-errors';
import { useLiveMessages, useLiveState } from '../common/live-context';
import { formatDateTime, formatRelative } from '../i18n/format';
import { mergeNotifications, notificationLink, notificationReason, notificationsChanged, notificationText, onNotificationsChanged, type NotificationData } from './notification-text';

// The notification center: mentions, assignments, comments on watched tickets (later SLA warnings),
// newest first; new ones arrive over the live socket. Unread filter in the URL (?unread=1).

const PAGE = 30;

export default function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const self = useRef({});
  // ids shown or counted already: a notification delivered twice counts once
  const known = useRef(new Set<string>());
  const live = useLiveState();

  const load = useCallback(
    async (before?: string) => {
      const n = ++seq.current;
      setLoading(true);
      setError(null);
      try {
        const page = await notificationsApi.list(unreadOnly, before, PAGE);
        if (n !== seq.current) return;
        for (const x of page.items) known.current.add(x.id);
        setItems((prev) => (before ? mergeNotifications(prev, page.items) : page.items));
        setUnread(page.unread);
        setNextBefore(page.nextBefore ?? (page.items.length === PAGE ? page.items[page.items.length - 1].id : null));
      } catch (err) {
        if (n === seq.current) setError(err);
      } finally {
        if (n === seq.current) setLoading(false);
      }
    },
    [unreadOnly],
  );
  useEffect(() => void load(), [load]);
  // the bell marked something read: show the same
  useEffect(() => onNotificationsChanged((from) => from !== self.current && void load()), [load]);
  // after a reconnect, what came meanwhile is fetched again
  const wasOpen = useRef(live === 'open');
  useEffect(() => {
    if (live === 'open' && !wasOpen.current) void load();
    wasOpen.current = live === 'open';
  }, [live, load]);

  useLiveMessages((m) => {
    if (m.type !== 'notification') return;
    if (known.current.has(m.notification.id)) return;
    known.current.add(m.notification.id);
    setItems((prev) => mergeNotifications(prev, [m.notification]));
    if (!m.notification.readAt) setUnread((u) => u + 1);
  });

  const markRead = async (ids: string[]) => {
    const now = new Date().toISOString();
    try {
      await notificationsApi.read(ids);
      setItems((prev) => (unreadOnly ? prev.filter((x) => !ids.includes(x.id)) : prev.map((x) => (ids.includes(x.id) && !x.readAt ? { ...x, readAt: now } : x))));
      setUnread((u) => Math.max(0, u - items.filter((x) => ids.includes(x.id) && !x.readAt).length));
      notificationsChanged(self.current);
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  const markAll = async () => {
    try {
      await notificationsApi.readAll();
      const now = new Date().toISOString();
      setItems((prev) => (unreadOnly ? [] : prev.map((x) => (x.readAt ? x : { ...x, readAt: now }))));
      setUnread(0);
      setNextBefore(unreadOnly ? null : nextBefore);
      notificationsChanged(self.current);
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  const open = (n: Notification) => {
    if (!n.readAt) void markRead([n.id]);
    const to = notificationLink(n);
    if (to) navigate(to);
  };

  return (
    <div data-testid="notifications-page" style={{ maxWidth: 920 }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('nav.notifications')}
          </Typography.Title>
          <Segmented
            data-testid="notifications-filter"
            aria-label={t('notifications.filter')}
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setParams(v === 'unread' ? { unread: '1' } : {}, { replace: true })}
            options={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: `${t('notifications.unread')}${unread ? ` (${unread})` : ''}` },
            ]}
          />
        </Flex>
        <Button icon={<CheckOutlined aria-hidden />} disabled={!unread} onClick={markAll} data-testid="notifications-page-read-all">
          {t('nav.markAllRead')}
        </Button>
      </Flex>
      {!!error && <Alert type="error" showIcon title={errorMessage(error, t)} action={<Button onClick={() => void load()}>{t('app.retry')}</Button>} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <List
          data-testid="notifications-list"
          loading={loading && !items.length}
          dataSource={items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={unreadOnly ? t('notifications.noUnread') : t('nav.noNotifications')} /> }}
          renderItem={(n) => {
            const d = n.data as NotificationData;
            return (
              <List.Item
                data-testid="notification-item"
                data-unread={n.readAt ? undefined : 'true'}
                style={{ padding: '10px 16px', background: n.readAt ? undefined : '#f0f7ff', cursor: notificationLink(n) ? 'pointer' : undefined }}
                onClick={() => open(n)}
                actions={
                  n.readAt
                    ? []
                    : [
                        <Button
                          key="read"
                          size="small"
                          type="link"
                          data-testid="notification-mark-read"
                          onClick={(e) => {
                            e.stopPropagation();
                            void markRead([n.id]);
                          }}
                        >
                          {t('notifications.markRead')}
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
                  title={<Typography.Text strong={!n.readAt}>{notificationText(n, t)}</Typography.Text>}
                  description={
                    <Flex vertical gap={2}>
                      {d.excerpt && (
                        <Typography.Text type="secondary" ellipsis>
                          {d.excerpt}
                        </Typography.Text>
                      )}
                      {d.reason && <Typography.Text type="secondary">{t('timeline.reason', { reason: notificationReason(n, t) })}</Typography.Text>}
                      <Typography.Text type="secondary" title={formatDateTime(n.createdAt)} style={{ fontSize: 12 }}>
                        {formatRelative(n.createdAt)}
                      </Typography.Text>
                    </Flex>
                  }
                />
              </List.Item>
            );
          }}
        />
      </Card>
      {nextBefore && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void load(nextBefore)} loading={loading} data-testid="notifications-more">
            {t('list.loadMore')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
