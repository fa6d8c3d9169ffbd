import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Input, Switch, Table, Typography } from 'antd';
import { cloneElement, isValidElement, useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { assetApi } from '../api/asset-endpoints';
import type { Asset } from '../api/asset-types';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { RemoteSelect } from '../common/remote-select';
import { resolveOrganization, searchOrganizations } from '../customers/organization-search';
import { isAdmin } from '../admin/access';
import { AssetDrawer, ConfirmedTag, WarrantyTag } from './asset-drawer';
import { AssetForm } from './asset-form';

// 设备: the tenant's assets found by words (serial, name, model) and filtered by owner organization,
// the top of the hierarchy or the unconfirmed ones alarms created; a drawer with an asset's history;
// the selected assets' QR labels printed from the browser or as a PDF sheet.


/** Cells that show what customers and admins typed (names, models, addresses): people's words, not the console's. */
const DATA = 'gd-asset-data';
export default function AssetsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const admin = isAdmin(useMe());
  const [q, setQ] = useState('');
  const [organizationId, setOrganizationId] = useState<string | undefined>();
  const [topLevel, setTopLevel] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const [items, setItems] = useState<Asset[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const abort = useRef<AbortController | null>(null);

  const load = useCallback(
    (after?: string) => {
      abort.current?.abort();
      const ctl = new AbortController();
      abort.current = ctl;
      setLoading(true);
      setError(null);
      assetApi
        .list({ q: q.trim() || undefined, organizationId, topLevel: topLevel ? 'true' : undefined, confirmed: unconfirmed ? 'false' : undefined, cursor: after }, ctl.signal)
        .then((r) => {
          setItems((prev) => (after ? [...prev, ...r.items] : r.items));
          setCursor(r.nextCursor);
        })
        .catch((e: unknown) => (e as Error)?.name !== 'AbortError' && setError(e))
        .finally(() => !ctl.signal.aborted && setLoading(false));
    },
    [q, organizationId, topLevel, unconfirmed],
  );
  useEffect(() => load(), [load]);

  const saved = (a: Asset) => setItems((prev) => (unconfirmed && a.confirmed ? prev.filter((x) => x.id !== a.id) : prev.map((x) => (x.id === a.id ? a : x))));

  return (
    <div data-testid="assets-page" style={{ padding: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('assets.title')}</Typography.Title>
        <Flex gap={8} wrap>
          <Button icon={<PrinterOutlined aria-hidden />} disabled={!selected.length} onClick={() => navigate(`/assets/labels?ids=${selected.join(',')}`)} data-testid="assets-print">
            {t('assets.printLabels')}{selected.length ? ` · ${t('assets.selected', { count: selected.length })}` : ''}
          </Button>
          <Button disabled={!selected.length} href={selected.length ? assetApi.labelsPdfUrl(selected) : undefined} target="_blank" data-testid="assets-pdf">
            {t('assets.pdfLabels')}
          </Button>
          {admin && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="assets-create">
              {t('assets.create')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('assets.help')}</Typography.Paragraph>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('assets.search')} style={{ width: 260 }} onSearch={(v) => setQ(v)} data-testid="asset-search" />
        <RemoteSelect value={organizationId} onChange={setOrganizationId} search={searchOrganizations} resolve={resolveOrganization} placeholder={t('assets.organization')} style={{ width: 220 }} testId="asset-filter-organization" />
        <label>
          <Switch size="small" checked={topLevel} onChange={setTopLevel} data-testid="asset-top-level" /> {t('assets.topLevel')}
        </label>
        <label>
          <Switch size="small" checked={unconfirmed} onChange={setUnconfirmed} data-testid="asset-unconfirmed" /> {t('assets.unconfirmedOnly')}
        </label>
      </Flex>
      {!!error && <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 12 }} />}
      <Table<Asset>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 980 }}
        data-testid="assets-table"
        // `children` is how many assets are below one, not rows of a tree
        expandable={{ childrenColumnName: 'childRows' }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          // Ant Design names its selection boxes in English ("Select all", "Select row 1"): named here in the interface's language
          columnTitle: (box) => (isValidElement(box) ? cloneElement(box as ReactElement<{ 'aria-label'?: string }>, { 'aria-label': t('assets.selectAll') }) : box),
          getCheckboxProps: (a) => ({ 'aria-label': t('assets.selectRow', { serial: a.serial }) }),
        }}
        locale={{ emptyText: t('assets.empty') }}
        onRow={(a) => ({ onClick: () => setOpen(a.id), style: { cursor: 'pointer' }, 'data-testid': `asset-row-${a.serial}` }) as never}
        columns={[
          { key: 'name', className: DATA, title: t('assets.field.name'), render: (_, a) => (a.parentName ? <>{a.name ?? ''} <Typography.Text type="secondary">· {a.parentName}</Typography.Text></> : (a.name ?? '')) },
          { key: 'serial', className: DATA, title: t('assets.field.serial'), width: 150, render: (_, a) => <Typography.Text code>{a.serial}</Typography.Text> },
          { key: 'model', className: DATA, title: t('assets.field.model'), width: 140, render: (_, a) => a.model ?? '' },
          { key: 'line', className: DATA, title: t('assets.field.productLine'), width: 90, render: (_, a) => a.productLine ?? '' },
          { key: 'org', className: DATA, title: t('assets.field.organization'), width: 170, render: (_, a) => a.organizationName ?? '' },
          { key: 'address', className: DATA, title: t('assets.field.address'), width: 200, ellipsis: true, render: (_, a) => a.address ?? '' },
          { key: 'state', title: t('assets.field.state'), width: 150, render: (_, a) => <><ConfirmedTag confirmed={a.confirmed} /><WarrantyTag asset={a} /></> },
        ]}
      />
      {cursor && (
        <Button block style={{ marginTop: 12 }} loading={loading} onClick={() => load(cursor)} data-testid="assets-more">
          {t('assets.loadMore')}
        </Button>
      )}
      <AssetDrawer assetId={open} admin={admin} onSaved={saved} onRemoved={(id) => setItems((prev) => prev.filter((x) => x.id !== id))} onClose={() => setOpen(null)} />
      <Drawer open={creating} onClose={() => setCreating(false)} size={640} title={t('assets.create')} destroyOnHidden data-testid="asset-create-drawer">
        <AssetForm
          onSaved={(a) => {
            setCreating(false);
            setItems((prev) => [a, ...prev]);
            setOpen(a.id);
          }}
        />
      </Drawer>
    </div>
  );
}
