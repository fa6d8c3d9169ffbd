import { App, Collapse, Form, Input, Typography, type TableProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { iotApi } from '../../api/iot-endpoints';
import type { CreatedDeviceKey, DeviceKey } from '../../api/iot-types';
import { errorMessage } from '../../common/api-errors';
import { useUserNames } from '../../common/lookups';
import { useFormSubmit } from '../../common/use-form-submit';
import { formatDateTime } from '../../i18n/format';
import { AddButton, AdminFormModal, AdminTablePage, useAdminList } from '../admin-table';
import { KeyRevokeCell, NewKeyModal } from '../api-keys-page';
import { IotConnection, useTenantSlug } from './iot-connection';

// Device keys (admins): devices send one as MQTT password or HTTP bearer token. Create (shown once,
// with the MQTT user name, topics and an example command), list, revoke.

export default function DeviceKeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const slug = useTenantSlug();
  const { rows: keys, loading, error, refetch, setRows } = useAdminList(['admin', 'device-keys'], iotApi.keys);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedDeviceKey | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const { busy, general, setGeneral, submit } = useFormSubmit(form, ['name']);
  const users = useUserNames(useMemo(() => [...new Set(keys.flatMap((k) => (k.createdBy ? [k.createdBy] : [])))], [keys]));

  const create = () =>
    submit(async (v) => {
      const k = await iotApi.createKey({ name: v.name.trim() });
      setCreating(false);
      setCreated(k);
      // the list keeps only what the server lists: never the key itself
      const { key: _secret, ...listed } = k;
      setRows((prev) => [listed, ...prev]);
    });

  const revoke = useMutation({
    mutationFn: (k: DeviceKey) => iotApi.revokeKey(k.id),
    onSuccess: (_, k) => {
      message.success(t('admin.keys.revoked', { name: k.name }));
      refetch();
    },
    onError: (err) => void message.error(errorMessage(err, t)),
  });

  return (
    <AdminTablePage<DeviceKey>
      testId="admin-device-keys"
      start={
        <Typography.Text type="secondary" style={{ maxWidth: 720 }}>
          {t('intake.iot.keysHelp')}
        </Typography.Text>
      }
      add={<AddButton label={t('intake.iot.createKey')} onClick={() => setCreating(true)} testId="device-key-new" />}
      notice={
        <Collapse
          size="small"
          style={{ marginBottom: 12 }}
          items={[{ key: 'mqtt', label: t('intake.channels.mqtt'), children: <IotConnection slug={slug} deviceKey={t('intake.iot.keyPlaceholder')} /> }]}
        />
      }
      error={error}
      table={{
        loading,
        dataSource: keys,
        scroll: { x: 820 },
        'data-testid': 'device-keys-table',
        locale: { emptyText: t('intake.iot.keysEmpty') },
        columns: [
          { key: 'name', title: t('admin.keys.name'), render: (_, k) => <Typography.Text delete={!!k.revokedAt}>{k.name}</Typography.Text> },
          { key: 'prefix', title: t('admin.keys.prefix'), width: 150, render: (_, k) => <Typography.Text code>{k.prefix}…</Typography.Text> },
          { key: 'by', title: t('intake.iot.createdBy'), width: 120, render: (_, k) => (k.createdBy ? (users.get(k.createdBy)?.name ?? '') : t('app.none')) },
          { key: 'created', title: t('field.createdAt'), width: 150, render: (_, k) => formatDateTime(k.createdAt) },
          { key: 'used', title: t('admin.keys.lastUsed'), width: 150, render: (_, k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('admin.keys.neverUsed')) },
          {
            key: 'actions',
            title: '',
            width: 110,
            render: (_, k) => (
              <KeyRevokeCell name={k.name} revokedAt={k.revokedAt} revokedTitle={k.revokedAt ? formatDateTime(k.revokedAt) : undefined} help={t('intake.iot.revokeKeyHelp')} testId="device-key" onRevoke={() => revoke.mutate(k)} />
            ),
          },
        ],
      } as TableProps<DeviceKey>}
    >
      <AdminFormModal
        open={creating}
        title={t('intake.iot.createKey')}
        okText={t('admin.keys.createOk')}
        onOk={create}
        onCancel={() => setCreating(false)}
        busy={busy}
        okTestId="device-key-create-ok"
        general={general}
        clearGeneral={() => setGeneral(null)}
      >
        <Form form={form} initialValues={{ name: '' }} layout="vertical" preserve={false}>
          <Form.Item name="name" label={t('admin.keys.name')} extra={t('intake.iot.keyNameHelp')} rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}>
            <Input data-testid="device-key-name" maxLength={200} />
          </Form.Item>
        </Form>
      </AdminFormModal>
      <NewKeyModal created={created} onClose={() => setCreated(null)}>
        {created && (
          <div style={{ marginTop: 12 }}>
            <IotConnection slug={slug} deviceKey={created.key} />
          </div>
        )}
      </NewKeyModal>
    </AdminTablePage>
  );
}
