import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Descriptions, Drawer, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assetApi } from '../api/asset-endpoints';
import type { Asset, AssetDetail, WarrantyState } from '../api/asset-types';
import { errorMessage } from '../common/api-errors';
import { formatDateTime } from '../i18n/format';
import { AssetForm } from './asset-form';
import { AssetAlarms, AssetTickets, ChildAssets } from './asset-history';

// One asset: where it sits in the hierarchy, its QR label, its fields (admins change and confirm
// them), the assets below it, and its whole history (tickets and alarm incidents).

const WARRANTY_COLOR: Record<WarrantyState, string> = { in_warranty: 'green', expiring: 'gold', expired: 'red' };

export function ConfirmedTag({ confirmed }: { confirmed: boolean }) {
  const { t } = useTranslation();
  return confirmed ? <Tag color="green">{t('assets.confirmed')}</Tag> : <Tag color="gold">{t('assets.unconfirmed')}</Tag>;
}

export function WarrantyTag({ asset }: { asset: Pick<Asset, 'warrantyState' | 'warrantyEnd'> }) {
  const { t } = useTranslation();
  if (!asset.warrantyState) return null;
  return <Tag color={WARRANTY_COLOR[asset.warrantyState]} title={asset.warrantyEnd ?? ''}>{t(`assets.warranty.${asset.warrantyState}`)}</Tag>;
}

/** The QR code of the asset's label, as the server draws it. */
function QrCode({ assetId, link }: { assetId: string; link: string }) {
  const { t } = useTranslation();
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    assetApi
      .labels([assetId])
      .then((r) => live && setSvg(r.items[0]?.svg ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [assetId]);
  return (
    <Space align="start" style={{ marginBottom: 16 }} data-testid="asset-qr">
      {svg && <img alt={t('assets.qr')} width={112} height={112} src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} />}
      <div>
        <Typography.Text strong>{t('assets.qr')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{t('assets.qrHelp')}</Typography.Paragraph>
        <Typography.Link href={link} target="_blank" data-testid="asset-qr-link" copyable={{ text: link }}>{link}</Typography.Link>
        <div style={{ marginTop: 8 }}>
          <a href={assetApi.labelsPdfUrl([assetId])} target="_blank" rel="noreferrer" data-testid="asset-label-pdf">{t('assets.pdfLabels')}</a>
        </div>
      </div>
    </Space>
  );
}

interface Props {
  assetId: string | null;
  admin: boolean;
  onSaved: (a: Asset) => void;
  onRemoved?: (id: string) => void;
  onClose: () => void;
}

export function AssetDrawer({ assetId, admin, onSaved, onRemoved, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [shown, setShown] = useState<string | null>(assetId);
  const [asset, setAsset] = useState<AssetDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setShown(assetId), [assetId]);
  useEffect(() => {
    setAsset(null);
    setError(null);
    if (!shown) return;
    let live = true;
    assetApi
      .get(shown)
      .then((a) => live && setAsset(a))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [shown]);

  const remove = async (a: AssetDetail) => {
    try {
      await assetApi.remove(a.id);
      message.success(t('assets.removed', { serial: a.serial }));
      onRemoved?.(a.id);
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Drawer
      open={!!assetId}
      onClose={onClose}
      size={760}
      title={asset ? t('assets.detail', { name: asset.name ?? asset.serial }) : ''}
      data-testid="asset-drawer"
      destroyOnHidden
      extra={
        admin && asset ? (
          <Popconfirm title={t('assets.removeConfirm', { serial: asset.serial })} onConfirm={() => void remove(asset)}>
            <Button danger icon={<DeleteOutlined aria-hidden />} data-testid="asset-remove">{t('assets.remove')}</Button>
          </Popconfirm>
        ) : null
      }
    >
      {!!error && <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 12 }} />}
      {!asset && !error && <Spin />}
      {asset && (
        <>
          {asset.ancestors.length > 0 && (
            <Breadcrumb
              style={{ marginBottom: 12 }}
              data-testid="asset-ancestors"
              items={[...asset.ancestors].reverse().map((a) => ({ title: <a onClick={() => setShown(a.id)}>{a.name ?? a.serial}</a> }))}
            />
          )}
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('assets.field.serial')}>
              <Typography.Text code>{asset.serial}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.field.state')}>
              <ConfirmedTag confirmed={asset.confirmed} /> <WarrantyTag asset={asset} />
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.field.createdAt')}>{formatDateTime(asset.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('assets.field.organization')}>{asset.organizationName ?? t('app.none')}</Descriptions.Item>
          </Descriptions>
          <QrCode assetId={asset.id} link={asset.qrLink} />
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
              <Descriptions size="small" column={2} bordered>
                <Descriptions.Item label={t('assets.field.name')}>{asset.name ?? t('app.none')}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.model')}>{asset.model ?? t('app.none')}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.productLine')}>{asset.productLine ?? t('app.none')}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.owner')}>{asset.ownerName ?? t('app.none')}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.address')} span={2}>{asset.address ?? t('app.none')}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.installedOn')}>{asset.installedOn ?? t('app.none')}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.warrantyEnd')}>{asset.warrantyEnd ?? t('app.none')}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('assets.readOnly')}
              </Typography.Paragraph>
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('assets.children')}
          </Typography.Title>
          <ChildAssets items={asset.childAssets} onOpen={setShown} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('assets.tickets')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('assets.ticketsHelp')}</Typography.Paragraph>
          <AssetTickets items={asset.tickets} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('assets.alarms')}
          </Typography.Title>
          <AssetAlarms alarms={asset.alarms} />
        </>
      )}
    </Drawer>
  );
}
