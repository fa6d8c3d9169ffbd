import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, Flex, List, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notificationsApi } from '../api/endpoints';
import { useLiveMessages } from '../common/live-context';
import { formatRelative } from '../i18n/format';
import { notificationBrief, notificationLink, notificationsChanged, notificationText, onNotificationsChanged } from '../notifications/notification-text';

const BELL = ['notifications', 'bell'] as const;
const KIND_COLOR: Record<string, string> = { mention: 'purple', assigned: 'blue', unassigned: 'orange', watched_ticket_comment: 'cyan', watcher_added: 'default', sla_warning: 'red' };

// The bell: unread count (live), the latest notifications, and the way to the notification center.

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // errors are not shown: the bell keeps what it had and asks again at the next occasion
  const { data } = useQuery({ queryKey: BELL, queryFn: () => notificationsApi.list() });
  const items = data?.items.slice(0, 10) ?? [];
  const unread = data?.unread ?? 0;
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: BELL }), [queryClient]);
  // the notification center marked something read
  useEffect(() => onNotificationsChanged(refetch), [refetch]);
  // a new one (or one delivered twice): the server's list and count, not merged by hand
  useLiveMessages((m) => {
    if (m.type === 'notification') refetch();
  });

  return (
    <Dropdown
      trigger={['click']}
      onOpenChange={(o) => o && refetch()}
      popupRender={() => (
        <div style={{ width: 340, maxWidth: 'calc(100vw - 16px)', background: '#fff', borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,.12)', padding: 8 }} data-testid="notification-list">
          {items.length ? (
            <List
              size="small"
              dataSource={items}
              renderItem={(n) => {
                const brief = notificationBrief(n, t);
                return (
                  <List.Item
                    data-testid="notification-item"
                    style={{ cursor: notificationLink(n) ? 'pointer' : undefined, opacity: n.readAt ? 0.6 : 1 }}
                    onClick={() => {
                      const to = notificationLink(n);
                      if (!n.readAt) void notificationsApi.read([n.id]).then(() => notificationsChanged(), () => undefined);
                      if (to) navigate(to);
                    }}
                  >
                    <List.Item.Meta
                      style={{ minWidth: 0 }}
                      title={
                        <Flex gap={6} align="center" style={{ minWidth: 0 }} title={notificationText(n, t)}>
                          <Tag color={KIND_COLOR[n.kind] ?? 'default'} style={{ marginInlineEnd: 0, flexShrink: 0 }} data-testid="notification-kind">
                            {brief.kind}
                          </Tag>
                          {brief.by && <Typography.Text ellipsis style={{ minWidth: 0 }}>{brief.by}</Typography.Text>}
                        </Flex>
                      }
                      description={
                        <>
                          <Typography.Text ellipsis style={{ display: 'block' }} data-testid="notification-subject">
                            {brief.subject}
                          </Typography.Text>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {formatRelative(n.createdAt)}
                          </Typography.Text>
                        </>
                      }
                    />
                  </List.Item>
                );
              }}
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
      <Button type="text" aria-label={t('nav.notifications')} data-testid="notification-bell" icon={<Badge count={unread} size="small"><BellOutlined aria-hidden style={{ fontSize: 18 }} /></Badge>} />
    </Dropdown>
  );
}
