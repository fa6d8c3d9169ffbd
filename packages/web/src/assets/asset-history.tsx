import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AlarmState, Asset, AssetAlarm, AssetTicket } from '../api/asset-types';
import { formatDateTime } from '../i18n/format';

// An asset's history in its drawer: the assets below it, every ticket about it, its alarm incidents.

const STATE_COLOR: Record<AlarmState, string> = { open: 'red', recovered: 'green', expired: 'default' };
const SEVERITY_COLOR: Record<string, string> = { critical: 'red', major: 'orange', minor: 'blue' };

export function ChildAssets({ items, onOpen }: { items: Asset[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Table<Asset>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      // `children` is how many assets are below one, not rows of a tree
      expandable={{ childrenColumnName: 'childRows' }}
      data-testid="asset-children"
      locale={{ emptyText: t('assets.childrenEmpty') }}
      onRow={(a) => ({ onClick: () => onOpen(a.id), style: { cursor: 'pointer' }, 'data-testid': `asset-child-${a.serial}` }) as never}
      columns={[
        { key: 'name', title: t('assets.field.name'), render: (_, a) => a.name ?? '' },
        { key: 'serial', title: t('assets.field.serial'), width: 150, render: (_, a) => <Typography.Text code>{a.serial}</Typography.Text> },
        { key: 'model', title: t('assets.field.model'), width: 140, render: (_, a) => a.model ?? '' },
      ]}
    />
  );
}

export function AssetTickets({ items }: { items: AssetTicket[] }) {
  const { t } = useTranslation();
  return (
    <Table<AssetTicket>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 600 }}
      data-testid="asset-tickets"
      locale={{ emptyText: t('assets.ticketsEmpty') }}
      columns={[
        {
          key: 'ticket',
          title: t('assets.tickets'),
          render: (_, x) => (
            <Link to={`/tickets/${x.number}`} data-testid={`asset-ticket-${x.number}`}>
              #{x.number} {x.title}
            </Link>
          ),
        },
        { key: 'channel', title: t('field.channel'), width: 90, render: (_, x) => t(`channel.${x.channel}`, { defaultValue: x.channel }) },
        { key: 'status', title: t('field.status'), width: 80, render: (_, x) => t(`status.${x.status}`, { defaultValue: x.status }) },
        { key: 'created', title: t('field.createdAt'), width: 140, render: (_, x) => formatDateTime(x.createdAt) },
      ]}
    />
  );
}

export function AssetAlarms({ alarms }: { alarms: AssetAlarm[] }) {
  const { t } = useTranslation();
  return (
    <Table<AssetAlarm>
      rowKey="id"
      size="small"
      dataSource={alarms}
      pagination={alarms.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 640 }}
      data-testid="asset-alarms"
      locale={{ emptyText: t('assets.alarmsEmpty') }}
      columns={[
        { key: 'code', title: t('intake.iot.code'), width: 90, render: (_, a) => <Typography.Text code>{a.code}</Typography.Text> },
        { key: 'severity', title: t('intake.iot.severityCol'), width: 70, render: (_, a) => <Tag color={SEVERITY_COLOR[a.severity]}>{t(`intake.iot.severity.${a.severity}`, { defaultValue: a.severity })}</Tag> },
        { key: 'count', title: t('intake.iot.count'), width: 60, align: 'right', render: (_, a) => a.count },
        { key: 'first', title: t('intake.iot.firstAt'), width: 140, render: (_, a) => formatDateTime(a.firstAt) },
        { key: 'state', title: t('intake.iot.stateCol'), width: 80, render: (_, a) => <Tag color={STATE_COLOR[a.state]}>{t(`intake.iot.state.${a.state}`)}</Tag> },
        {
          key: 'ticket',
          title: t('intake.iot.ticket'),
          width: 200,
          render: (_, a) => (
            <Link to={`/tickets/${a.ticket.number}`} data-testid={`asset-alarm-ticket-${a.ticket.number}`}>
              #{a.ticket.number} {a.ticket.title} <Typography.Text type="secondary">（{t(`status.${a.ticket.status}`, { defaultValue: a.ticket.status })}）</Typography.Text>
            </Link>
          ),
        },
      ]}
    />
  );
}
