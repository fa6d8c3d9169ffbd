import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, Flex, List, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notificationsApi } from '../api/endpoints';
import type { Notification } from '../api/types';
import { useLiveMessages } from '../common/live-context';
import { formatRelative } from '../i18n/format';
import { mergeNotifications, notificationLink, notificationsChanged, notificationText, onNotificationsChanged } from '../notifications/notification-text';

// The bell: unread count (live), the latest notifications, and the way to the notification center.

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  // ids shown or counted already: a notification delivered twice counts once
  const known = useRef(new Set<string>());
  const load = useCallback(
    () =>
      notificationsApi
        .list()
        .then((r) => {
          for (const x of r.items) known.current.add(x.id);
          setItems(r.items.slice(0, 10));
          setUnread(r.unread);
        })
        .catch(() => undefined),
    [],
  );
  useEffect(() => void load(), [load]);
  // the notification center marked something read
  useEffect(() => onNotificationsChanged(() => void load()), [load]);
  useLiveMessages((m) => {
    if (m.type !== 'notification') return;
    if (known.current.has(m.notification.id)) return;
    known.current.add(m.notification.id);
    if (!m.notification.readAt) setUnread((n) => n + 1);
    setItems((prev) => mergeNotifications(prev, [m.notification]).slice(0, 10));
  });

  return (
    <Dropdown
      trigger={['click']}
      onOpenChange={(o) => o && void load()}
      popupRender={() => (
        <div style={{ width: 340, background: '#fff', borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,.12)', padding: 8 }} data-testid="notification-list">
          {items.length ? (
            <List
              size="small"
              dataSource={items}
              renderItem={(n) => (
                <List.Item
                  style={{ cursor: notificationLink(n) ? 'pointer' : undefined, opacity: n.readAt ? 0.6 : 1 }}
                  onClick={() => {
                    const to = notificationLink(n);
                    if (!n.readAt) void notificationsApi.read([n.id]).then(() => notificationsChanged(), () => undefined);
                    if (to) navigate(to);
                  }}
                >
                  <List.Item.Meta title={<Typography.Text ellipsis>{notificationText(n, t)}</Typography.Text>} description={formatRelative(n.createdAt)} />
                </List.Item>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('nav.noNotifications')} />
          )}
          <Flex justify="space-between">
            <Button type="link" onClick={() => navigate('/notifications')} data-testid="notifications-view-all">
              {t('notifications.viewAll')}
            </Button>
            {unread > 0 && (
              <Button type="link" onClick={() => notificationsApi.readAll().then(() => notificationsChanged())} data-testid="notifications-read-all">
                {t('nav.markAllRead')}
              </Button>
            )}
          </Flex>
        </div>
      )}
    >
      <Button type="text" aria-label={t('nav.notifications')} data-testid="notification-bell" icon={<Badge count={unread} size="small"><BellOutlined style={{ fontSize: 18 }} /></Badge>} />
    </Dropdown>
  );
}
