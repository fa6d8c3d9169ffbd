import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../common/api-errors';
import { confirmIcon } from '../../common/quiet-icons';
import { useFormSubmit } from '../../common/use-form-submit';
import { AddButton, AdminFormModal, AdminTablePage, useAdminList } from '../admin-table';
import { DISPATCH_KEYS, dispatchApi, type Outlet, type OutletBody } from './dispatch-api';
import { numberRule } from './number-rule';

// 服务网点: branches with an address and a position; engineers belong to one, and "the nearest outlet
// that can do it" is a dispatch target.

function OutletModal({ editing, onClose, onSaved }: { editing: Outlet | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OutletBody>();
  const { busy, general, setGeneral, submit } = useFormSubmit(form, ['name', 'address', 'lat', 'lng', 'active']);
  useEffect(() => {
    if (editing) form.setFieldsValue(editing === 'new' ? { name: '', address: '', lat: undefined, lng: undefined, active: true } : editing);
  }, [editing, form]);
  const save = () =>
    submit(async (v) => {
      const body = { name: v.name.trim(), address: (v.address ?? '').trim(), lat: v.lat, lng: v.lng, active: v.active ?? true };
      if (editing === 'new') await dispatchApi.createOutlet(body);
      else if (editing) await dispatchApi.updateOutlet(editing.id, body);
      onSaved();
    });
  return (
    <AdminFormModal open={!!editing} title={editing === 'new' ? t('dispatch.outlets.add') : t('dispatch.outlets.edit')} okTestId="outlet-save" busy={busy} onOk={save} onCancel={onClose} general={general} clearGeneral={() => setGeneral(null)}>
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item name="name" label={t('dispatch.outlets.name')} rules={[{ required: true, whitespace: true, message: t('dispatch.outlets.nameRequired') }]}>
          <Input maxLength={100} data-testid="outlet-name" />
        </Form.Item>
        <Form.Item name="address" label={t('dispatch.outlets.address')}>
          <Input maxLength={300} data-testid="outlet-address" />
        </Form.Item>
        <Space>
          <Form.Item name="lat" label={t('dispatch.outlets.lat')} rules={[{ required: true, message: t('dispatch.outlets.positionRequired') }, numberRule({ min: -90, max: 90 }, t)]}>
            <InputNumber step={0.0001} style={{ width: 160 }} data-testid="outlet-lat" />
          </Form.Item>
          <Form.Item name="lng" label={t('dispatch.outlets.lng')} rules={[{ required: true, message: t('dispatch.outlets.positionRequired') }, numberRule({ min: -180, max: 180 }, t)]}>
            <InputNumber step={0.0001} style={{ width: 160 }} data-testid="outlet-lng" />
          </Form.Item>
        </Space>
        <Form.Item name="active" label={t('dispatch.outlets.active')} valuePropName="checked">
          <Switch data-testid="outlet-active" />
        </Form.Item>
      </Form>
    </AdminFormModal>
  );
}

export default function OutletsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useAdminList(DISPATCH_KEYS.outlets, dispatchApi.outlets);
  const [editing, setEditing] = useState<Outlet | 'new' | null>(null);
  const remove = (o: Outlet) =>
    dispatchApi
      .deleteOutlet(o.id)
      .then(() => (message.success(t('dispatch.outlets.deleted')), list.refetch()))
      .catch((err) => message.error(errorMessage(err, t)));
  return (
    <AdminTablePage<Outlet>
      testId="outlets-page"
      help={t('dispatch.outlets.intro')}
      add={<AddButton label={t('dispatch.outlets.add')} onClick={() => setEditing('new')} testId="outlet-add" />}
      error={list.error}
      table={{
        dataSource: list.rows,
        loading: list.loading && !list.rows.length,
        locale: { emptyText: t('dispatch.outlets.empty') },
        onRow: (o) => ({ 'data-testid': `outlet-row-${o.name}` }) as React.HTMLAttributes<HTMLElement>,
        columns: [
          { key: 'name', title: t('dispatch.outlets.name'), render: (_, o) => <Typography.Text strong>{o.name}</Typography.Text> },
          { key: 'address', title: t('dispatch.outlets.address'), ellipsis: true, render: (_, o) => o.address },
          { key: 'position', title: t('dispatch.outlets.position'), width: 200, render: (_, o) => `${o.lat.toFixed(4)}, ${o.lng.toFixed(4)}` },
          { key: 'active', title: t('dispatch.outlets.active'), width: 90, render: (_, o) => (o.active ? <Tag color="green">{t('dispatch.outlets.open')}</Tag> : <Tag>{t('dispatch.outlets.closed')}</Tag>) },
          {
            key: 'actions',
            title: '',
            width: 100,
            render: (_, o) => (
              <Space size={4}>
                <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(o)} aria-label={t('app.edit')} data-testid="outlet-edit" />
                <Popconfirm icon={confirmIcon} title={t('dispatch.outlets.confirmDelete', { name: o.name })} okText={t('app.delete')} cancelText={t('app.cancel')} onConfirm={() => remove(o)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} data-testid="outlet-delete" />
                </Popconfirm>
              </Space>
            ),
          },
        ],
      }}
    >
      <OutletModal editing={editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), list.refetch())} />
    </AdminTablePage>
  );
}
