import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { useFormSubmit } from '../common/use-form-submit';
import { InventoryHeader } from './inventory-header';
import { inventoryApi, inventoryKeys, type Part, type PartBody, type StockLevel } from './inventory-api';
import { LedgerDrawer } from './ledger-drawer';
import { StockModal, type StockAction } from './stock-modal';

// 备件: parts by code with their stock per warehouse (available / on hand, red below the minimum); 入库,
// 调拨 and 调整 with reasons for managers and keepers; each part's 台账.

function PartModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<PartBody>();
  const { busy, general, submit } = useFormSubmit(form, ['code', 'name', 'unit', 'models', 'productLine', 'price']);
  const save = () =>
    submit(async (v) => {
      await inventoryApi.createPart({ ...v, productLine: v.productLine || null, price: v.price ?? null });
      await qc.invalidateQueries({ queryKey: ['inventory'] });
      form.resetFields();
      onClose();
    });
  return (
    <Modal open={open} title={t('inv.parts.add')} onCancel={onClose} onOk={save} confirmLoading={busy} okButtonProps={{ 'data-testid': 'part-save' } as never} destroyOnHidden>
      {general && <Alert type="error" showIcon message={general} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ unit: '个', models: [] }}>
        <Form.Item name="code" label={t('inv.parts.code')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} data-testid="part-code" />
        </Form.Item>
        <Form.Item name="name" label={t('inv.parts.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="part-name" />
        </Form.Item>
        <Form.Item name="unit" label={t('inv.parts.unit')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="models" label={t('inv.parts.models')}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.Item name="productLine" label={t('inv.parts.productLine')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="price" label={t('inv.parts.price')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const stockTag = (s: StockLevel, t: (k: string) => string) => (
  <Tooltip key={s.warehouseId} title={`${t('inv.parts.onHand')} ${s.onHand} · ${t('inv.parts.reserved')} ${s.reserved} · ${t('inv.parts.minimum')} ${s.minimum}`}>
    <Tag color={s.low ? 'red' : undefined} data-testid="part-stock">
      {s.warehouseName} {s.available} / {s.onHand}
    </Tag>
  </Tooltip>
);

export default function PartsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useState('');
  const parts = useQuery({ queryKey: inventoryKeys.parts(search), queryFn: () => inventoryApi.parts(search) });
  const warehouses = useQuery({ queryKey: inventoryKeys.warehouses, queryFn: () => inventoryApi.warehouses() });
  const manager = me.role === 'admin' || me.role === 'supervisor';
  const keeper = (warehouses.data?.items ?? []).some((w) => w.keeperUserId === me.id);
  const [adding, setAdding] = useState(false);
  const [stock, setStock] = useState<{ action: StockAction; part: Part } | null>(null);
  const [ledger, setLedger] = useState<Part | null>(null);
  return (
    <div style={{ padding: 16 }} data-testid="parts-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <InventoryHeader />
          <Input.Search allowClear placeholder={t('inv.parts.search')} onSearch={setSearch} style={{ width: 240, marginBottom: 12 }} data-testid="parts-search" />
        </Space>
        {manager && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="part-add">
            {t('inv.parts.add')}
          </Button>
        )}
      </Flex>
      {parts.isError && <Alert type="error" showIcon message={errorMessage(parts.error, t)} />}
      <Table
        rowKey="id"
        size="small"
        loading={parts.isLoading}
        dataSource={parts.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('inv.parts.empty') }}
        columns={[
          { title: t('inv.parts.code'), dataIndex: 'code', width: 130 },
          { title: t('inv.parts.name'), dataIndex: 'name' },
          { title: t('inv.parts.unit'), dataIndex: 'unit', width: 60 },
          { title: t('inv.parts.models'), dataIndex: 'models', render: (m: string[]) => m.join('、') },
          { title: t('inv.parts.stock'), dataIndex: 'stock', render: (s: StockLevel[]) => <Space size={[4, 4]} wrap>{s.map((x) => stockTag(x, t))}</Space> },
          {
            title: t('inv.parts.actions'),
            key: 'actions',
            render: (_: unknown, p: Part) => (
              <Space size={0} wrap>
                {(manager || keeper) &&
                  (['receive', 'transfer', 'adjust'] as const).map((a) => (
                    <Button key={a} type="link" size="small" onClick={() => setStock({ action: a, part: p })} data-testid={`part-${a}`}>
                      {t(`inv.stock.${a}`)}
                    </Button>
                  ))}
                <Button type="link" size="small" onClick={() => setLedger(p)} data-testid="part-ledger">
                  {t('inv.stock.ledger')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <PartModal open={adding} onClose={() => setAdding(false)} />
      <StockModal open={stock} warehouses={warehouses.data?.items ?? []} onClose={() => setStock(null)} />
      <LedgerDrawer part={ledger} onClose={() => setLedger(null)} />
    </div>
  );
}
