import { Alert, Button, Flex, Input, Switch, Table, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/auth-context';
import { iotApi } from '../../api/iot-endpoints';
import type { Asset } from '../../api/iot-types';
import { errorMessage } from '../../common/api-errors';
import { formatDateTime } from '../../i18n/format';
import { isAdmin } from '../access';
import { AssetDrawer, ConfirmedTag } from './asset-drawer';

// Devices that report alarms: newest first, only the unconfirmed ones or one serial; a drawer with
// the device's alarms and tickets, where admins complete and confirm it.

export default function AssetsPage() {
  const { t } = useTranslation();
  const admin = isAdmin(useMe());
  const [unconfirmed, setUnconfirmed] = useState(false);
  const [serial, setSerial] = useState('');
  const [items, setItems] = useState<Asset[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const load = useCallback(
    (after?: string) => {
      abort.current?.abort();
      const ctl = new AbortController();
      abort.current = ctl;
      setLoading(true);
      setError(null);
      iotApi
        .assets({ serial: serial.trim() || undefined, confirmed: unconfirmed ? 'false' : undefined, cursor: after }, ctl.signal)
        .then((r) => {
          setItems((prev) => (after ? [...prev, ...r.items] : r.items));
          setCursor(r.nextCursor);
        })
        .catch((e: unknown) => (e as Error)?.name !== 'AbortError' && setError(e))
        .finally(() => !ctl.signal.aborted && setLoading(false));
    },
    [serial, unconfirmed],
  );
  useEffect(() => load(), [load]);

  const saved = (a: Asset) => {
    // a device confirmed while only unconfirmed ones are listed leaves the list
    setItems((prev) => (unconfirmed && a.confirmed ? prev.filter((x) => x.id !== a.id) : prev.map((x) => (x.id === a.id ? a : x))));
  };

  return (
    <div data-testid="admin-assets">
      <Typography.Paragraph type="secondary">{t('intake.iot.assetsHelp')}</Typography.Paragraph>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('intake.iot.searchSerial')} style={{ width: 260 }} onSearch={(v) => setSerial(v)} data-testid="asset-serial-search" />
        <label>
          <Switch size="small" checked={unconfirmed} onChange={setUnconfirmed} data-testid="asset-unconfirmed" /> {t('intake.iot.unconfirmedOnly')}
        </label>
      </Flex>
      {!!error && <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 12 }} />}
      <Table<Asset>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 860 }}
        data-testid="assets-table"
        locale={{ emptyText: t('intake.iot.assetsEmpty') }}
        onRow={(a) => ({ onClick: () => setOpen(a.id), style: { cursor: 'pointer' }, 'data-testid': `asset-row-${a.serial}` }) as never}
        columns={[
          { key: 'serial', title: t('intake.iot.serial'), width: 160, render: (_, a) => <Typography.Text code>{a.serial}</Typography.Text> },
          { key: 'model', title: t('intake.iot.model'), width: 140, render: (_, a) => a.model ?? '' },
          { key: 'name', title: t('intake.iot.name'), render: (_, a) => a.name ?? '' },
          { key: 'owner', title: t('intake.iot.owner'), width: 140, render: (_, a) => a.ownerName ?? '' },
          { key: 'org', title: t('intake.iot.organization'), width: 160, render: (_, a) => a.organizationName ?? '' },
          { key: 'confirmed', title: t('intake.iot.stateCol'), width: 90, render: (_, a) => <ConfirmedTag confirmed={a.confirmed} /> },
          { key: 'created', title: t('field.createdAt'), width: 150, render: (_, a) => formatDateTime(a.createdAt) },
        ]}
      />
      {cursor && (
        <Button block style={{ marginTop: 12 }} loading={loading} onClick={() => load(cursor)} data-testid="assets-more">
          {t('intake.iot.loadMore')}
        </Button>
      )}
      <AssetDrawer assetId={open} admin={admin} onSaved={saved} onClose={() => setOpen(null)} />
    </div>
  );
}
