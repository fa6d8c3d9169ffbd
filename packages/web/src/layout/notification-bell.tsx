import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notificationsApi } from '../api/endpoints';
import type { Notification } from '../api/types';
import { useLiveMessages } from '../common/live-context';
import { formatRelative } from '../i18n/format';

// The bell: unread count (live), the latest notifications; the full notification center comes later.

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const load = useCallback(
    () =>
      notificationsApi
        .list()
        .then((r) => {
          setItems(r.items.slice(0, 10));
          setUnread(r.unread);
        })
        .catch(() => undefined),
    [],
  );
  useEffect(() => void load(), [load]);
  useLiveMessages((m) => {
    if (m.type !== 'notification') return;
    setItems((prev) => [m.notification, ...prev].slice(0, 10));
    setUnread((n) => n + 1);
  });

  const text = (n: Notification) => {
    const d = n.data as { number?: number; title?: string; by?: string; excerpt?: string };
    return `${d.by ? `${d.by} · ` : ''}#${d.number ?? ''} ${d.title ?? ''}`;
  };

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
                <List.Item style={{ cursor: n.data.number ? 'pointer' : undefined, opacity: n.readAt ? 0.6 : 1 }} onClick={() => n.data.number && navigate(`/tickets/${String(n.data.number)}`)}>
                  <List.Item.Meta title={<Typography.Text ellipsis>{text(n)}</Typography.Text>} description={formatRelative(n.createdAt)} />
                </List.Item>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('nav.noNotifications')} />
          )}
          {unread > 0 && (
            <Button block type="link" onClick={() => notificationsApi.readAll().then(load)} data-testid="notifications-read-all">
              {t('nav.markAllRead')}
            </Button>
          )}
        </div>
      )}
    >
      <Button type="text" aria-label={t('nav.notifications')} data-testid="notification-bell" icon={<Badge count={unread} size="small"><BellOutlined style={{ fontSize: 18 }} /></Badge>} />
    </Dropdown>
  );
}
