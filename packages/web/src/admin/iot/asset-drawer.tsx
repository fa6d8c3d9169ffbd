import { Alert, Descriptions, Drawer, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { iotApi } from '../../api/iot-endpoints';
import type { AlarmState, Asset, AssetAlarm, AssetDetail } from '../../api/iot-types';
import { errorMessage } from '../../common/api-errors';
import { formatDateTime } from '../../i18n/format';
import { AssetForm } from './asset-form';

// One device: its fields (admins change and confirm them), its alarm incidents and their tickets.

const STATE_COLOR: Record<AlarmState, string> = { open: 'red', recovered: 'green', expired: 'default' };
const SEVERITY_COLOR: Record<string, string> = { critical: 'red', major: 'orange', minor: 'blue' };

export function ConfirmedTag({ confirmed }: { confirmed: boolean }) {
  const { t } = useTranslation();
  return confirmed ? <Tag color="green">{t('intake.iot.confirmed')}</Tag> : <Tag color="gold">{t('intake.iot.unconfirmed')}</Tag>;
}

function Alarms({ alarms }: { alarms: AssetAlarm[] }) {
  const { t } = useTranslation();
  return (
    <Table<AssetAlarm>
      rowKey="id"
      size="small"
      dataSource={alarms}
      pagination={alarms.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 640 }}
      data-testid="asset-alarms"
      locale={{ emptyText: t('intake.iot.alarmsEmpty') }}
      columns={[
        { key: 'code', title: t('intake.iot.code'), width: 90, render: (_, a) => <Typography.Text code>{a.code}</Typography.Text> },
        { key: 'severity', title: t('intake.iot.severityCol'), width: 70, render: (_, a) => <Tag color={SEVERITY_COLOR[a.severity]}>{t(`intake.iot.severity.${a.severity}`, { defaultValue: a.severity })}</Tag> },
        { key: 'count', title: t('intake.iot.count'), width: 60, align: 'right', render: (_, a) => a.count },
        { key: 'first', title: t('intake.iot.firstAt'), width: 140, render: (_, a) => formatDateTime(a.firstAt) },
        { key: 'last', title: t('intake.iot.lastAt'), width: 140, render: (_, a) => formatDateTime(a.lastAt) },
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

interface Props {
  assetId: string | null;
  admin: boolean;
  onSaved: (a: Asset) => void;
  onClose: () => void;
}

export function AssetDrawer({ assetId, admin, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const [asset, setAsset] = useState<AssetDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setAsset(null);
    setError(null);
    if (!assetId) return;
    let live = true;
    iotApi
      .asset(assetId)
      .then((a) => live && setAsset(a))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [assetId]);

  return (
    <Drawer open={!!assetId} onClose={onClose} size={720} title={asset ? t('intake.iot.detail', { serial: asset.serial }) : ''} data-testid="asset-drawer" destroyOnHidden>
      {!!error && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      {!asset && !error && <Spin />}
      {asset && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('intake.iot.serial')}>
              <Typography.Text code>{asset.serial}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('intake.iot.stateCol')}>
              <ConfirmedTag confirmed={asset.confirmed} />
            </Descriptions.Item>
            <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(asset.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('intake.iot.owner')}>{asset.ownerName ?? t('app.none')}</Descriptions.Item>
          </Descriptions>
          {admin ? (
            <AssetForm
              key={asset.updatedAt}
              asset={asset}
              onSaved={(a) => {
                setAsset({ ...asset, ...a });
                onSaved(a);
              }}
            />
          ) : (
            <>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('intake.iot.model')}>{asset.model ?? t('app.none')}</Descriptions.Item>
                <Descriptions.Item label={t('intake.iot.name')}>{asset.name ?? t('app.none')}</Descriptions.Item>
                <Descriptions.Item label={t('intake.iot.organization')}>{asset.organizationName ?? t('app.none')}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('intake.iot.readOnly')}
              </Typography.Paragraph>
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('intake.iot.alarms')}
          </Typography.Title>
          <Alarms alarms={asset.alarms} />
        </>
      )}
    </Drawer>
  );
}
