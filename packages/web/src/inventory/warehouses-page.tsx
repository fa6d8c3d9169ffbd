import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { useUserNames } from '../common/lookups';
import { resolveStaff, searchStaff } from '../common/people-search';
import { RemoteSelect } from '../common/remote-select';
import { useFormSubmit } from '../common/use-form-submit';
import { InventoryHeader } from './inventory-header';
import { inventoryApi, inventoryKeys, type Warehouse, type WarehouseBody } from './inventory-api';

// 仓库: central and regional warehouses and engineers' vans, with their position (for the distance to a
// job's site) and keeper (told about low stock). Admins and supervisors change them.

const KINDS = ['central', 'regional', 'van'] as const;

function WarehouseModal({ editing, onClose }: { editing: Warehouse | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<WarehouseBody>();
  const { busy, general, setGeneral, submit } = useFormSubmit(form, ['name', 'kind', 'ownerUserId', 'keeperUserId', 'address', 'lat', 'lng']);
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    if (!editing) return;
    setGeneral(null);
    form.setFieldsValue(editing === 'new' ? { name: '', kind: 'central', ownerUserId: null, keeperUserId: null, address: '', lat: null, lng: null, active: true } : editing);
  }, [editing, form, setGeneral]);
  const save = () =>
    submit(async (v) => {
      const body = { ...v, address: v.address || null, ownerUserId: v.ownerUserId ?? null, keeperUserId: v.keeperUserId ?? null, lat: v.lat ?? null, lng: v.lng ?? null };
      if (editing === 'new') await inventoryApi.createWarehouse(body);
      else if (editing) await inventoryApi.updateWarehouse(editing.id, body);
      await qc.invalidateQueries({ queryKey: ['inventory'] });
      onClose();
    });
  return (
    <Modal open={!!editing} title={t(editing === 'new' ? 'inv.warehouses.add' : 'inv.warehouses.edit')} onCancel={onClose} onOk={save} confirmLoading={busy} okButtonProps={{ 'data-testid': 'warehouse-save' } as never} destroyOnHidden>
      {general && <Alert type="error" showIcon message={general} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('inv.warehouses.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} data-testid="warehouse-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('inv.warehouses.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`inv.kind.${k}`) }))} data-testid="warehouse-kind" />
        </Form.Item>
        {kind === 'van' && (
          <Form.Item name="ownerUserId" label={t('inv.warehouses.owner')} rules={[{ required: true }]}>
            <RemoteSelect search={searchStaff} resolve={resolveStaff} testId="warehouse-owner" />
          </Form.Item>
        )}
        <Form.Item name="keeperUserId" label={t('inv.warehouses.keeper')}>
          <RemoteSelect search={searchStaff} resolve={resolveStaff} allowClear testId="warehouse-keeper" />
        </Form.Item>
        <Form.Item name="address" label={t('inv.warehouses.address')}>
          <Input maxLength={300} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="lat" label={t('inv.warehouses.lat')} style={{ flex: 1 }}>
            <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="lng" label={t('inv.warehouses.lng')} style={{ flex: 1 }}>
            <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="active" label={t('inv.warehouses.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function WarehousesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const manager = me.role === 'admin' || me.role === 'supervisor';
  const q = useQuery({ queryKey: inventoryKeys.warehouses, queryFn: () => inventoryApi.warehouses() });
  const items = q.data?.items ?? [];
  const names = useUserNames(items.flatMap((w) => [w.ownerUserId, w.keeperUserId].filter((x): x is string => !!x)));
  const [editing, setEditing] = useState<Warehouse | 'new' | null>(null);
  return (
    <div style={{ padding: 16 }} data-testid="warehouses-page">
      <Flex justify="space-between" align="center">
        <InventoryHeader />
        {manager && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="warehouse-add">
            {t('inv.warehouses.add')}
          </Button>
        )}
      </Flex>
      {q.isError && <Alert type="error" showIcon message={errorMessage(q.error, t)} />}
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('inv.warehouses.empty') }}
        columns={[
          { title: t('inv.warehouses.name'), dataIndex: 'name', render: (v: string, w: Warehouse) => (w.active ? v : <span style={{ color: '#999' }}>{v}</span>) },
          { title: t('inv.warehouses.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{t(`inv.kind.${k}`)}</Tag> },
          { title: t('inv.warehouses.owner'), dataIndex: 'ownerUserId', render: (id: string | null) => (id ? (names.get(id)?.name ?? '') : '') },
          { title: t('inv.warehouses.keeper'), dataIndex: 'keeperUserId', render: (id: string | null) => (id ? (names.get(id)?.name ?? '') : '') },
          { title: t('inv.warehouses.address'), dataIndex: 'address' },
          ...(manager ? [{ key: 'edit', width: 60, render: (_: unknown, w: Warehouse) => <Button type="text" icon={<EditOutlined aria-hidden />} aria-label={t('inv.warehouses.edit')} onClick={() => setEditing(w)} /> }] : []),
        ]}
      />
      <WarehouseModal editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
