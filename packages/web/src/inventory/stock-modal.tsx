import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../common/use-form-submit';
import { inventoryApi, type Part, type Warehouse } from './inventory-api';

// 入库 / 调拨 / 调整 of one part, each with its reason in the ledger.

export type StockAction = 'receive' | 'transfer' | 'adjust';

interface Values {
  warehouseId?: string;
  fromWarehouseId?: string;
  toWarehouseId?: string;
  qty?: number;
  delta?: number;
  minimum?: number;
  reason?: string;
}

export function StockModal({ open, part, warehouses, onClose }: { open: { action: StockAction; part: Part } | null; part?: Part; warehouses: Warehouse[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { busy, general, setGeneral, submit } = useFormSubmit(form, ['warehouseId', 'fromWarehouseId', 'toWarehouseId', 'qty', 'delta', 'minimum', 'reason']);
  const action = open?.action;
  useEffect(() => {
    if (!open) return;
    setGeneral(null);
    form.resetFields();
  }, [open, form, setGeneral]);
  const options = warehouses.filter((w) => w.active).map((w) => ({ value: w.id, label: `${w.name}（${t(`inv.kind.${w.kind}`)}）` }));
  const save = () =>
    submit(async (v) => {
      const partId = open!.part.id;
      const reason = v.reason?.trim() || undefined;
      if (action === 'receive') await inventoryApi.receive({ warehouseId: v.warehouseId!, partId, qty: v.qty!, reason });
      else if (action === 'transfer') await inventoryApi.transfer({ fromWarehouseId: v.fromWarehouseId!, toWarehouseId: v.toWarehouseId!, partId, qty: v.qty!, reason });
      else await inventoryApi.adjust({ warehouseId: v.warehouseId!, partId, delta: v.delta || undefined, minimum: v.minimum ?? undefined, reason: reason ?? '' });
      await qc.invalidateQueries({ queryKey: ['inventory'] });
      void message.success(t('inv.stock.done'));
      onClose();
    });
  const p = open?.part ?? part;
  return (
    <Modal open={!!open} title={p ? `${action ? t(`inv.stock.${action}`) : ''} · ${p.code} ${p.name}` : ''} onCancel={onClose} onOk={save} confirmLoading={busy} okButtonProps={{ 'data-testid': 'stock-save' } as never} destroyOnHidden>
      {general && <Alert type="error" showIcon message={general} style={{ marginBottom: 12 }} data-testid="stock-error" />}
      <Form form={form} layout="vertical">
        {action === 'transfer' ? (
          <>
            <Form.Item name="fromWarehouseId" label={t('inv.stock.from')} rules={[{ required: true }]}>
              <Select options={options} data-testid="stock-from" />
            </Form.Item>
            <Form.Item name="toWarehouseId" label={t('inv.stock.to')} rules={[{ required: true }]}>
              <Select options={options} data-testid="stock-to" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="warehouseId" label={t('inv.stock.warehouse')} rules={[{ required: true }]}>
            <Select options={options} data-testid="stock-warehouse" />
          </Form.Item>
        )}
        {action === 'adjust' ? (
          <>
            <Form.Item name="delta" label={t('inv.stock.delta')} extra={t('inv.stock.deltaHelp')}>
              <InputNumber precision={0} min={-100000} max={100000} style={{ width: '100%' }} data-testid="stock-delta" />
            </Form.Item>
            <Form.Item name="minimum" label={t('inv.stock.minimum')} extra={t('inv.stock.minimumHelp')}>
              <InputNumber precision={0} min={0} max={100000} style={{ width: '100%' }} data-testid="stock-minimum" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="qty" label={t('inv.stock.qty')} rules={[{ required: true }]}>
            <InputNumber precision={0} min={1} max={100000} style={{ width: '100%' }} data-testid="stock-qty" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('inv.stock.reason')} rules={action === 'adjust' ? [{ required: true, whitespace: true, message: t('inv.stock.reasonRequired') }] : []}>
          <Input maxLength={500} data-testid="stock-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
