import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { iotApi } from '../../api/iot-endpoints';
import type { Asset } from '../../api/iot-types';
import { resolveContact, searchContacts } from '../../common/people-search';
import { RemoteSelect, type RemoteOption } from '../../common/remote-select';
import { useFormSubmit } from '../../common/use-form-submit';
import { resolveOrganization, searchOrganizations } from '../../customers/organization-search';

// Changes a device (admins): model, name, owner contact, organization; an unconfirmed device
// (created by an alarm from an unregistered serial) is confirmed with the same save.

interface Values {
  model?: string;
  name?: string;
  ownerContactId?: string;
  organizationId?: string;
}

const FIELDS = ['model', 'name', 'ownerContactId', 'organizationId'];
const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Labels the asset already carries, so the selects show names without asking the server. */
const known =
  (id: string | null, label: string | null, fetch: (id: string) => Promise<RemoteOption | null>) =>
  (value: string): Promise<RemoteOption | null> =>
    value === id && label ? Promise.resolve({ value, label }) : fetch(value);

export function AssetForm({ asset, onSaved }: { asset: Asset; onSaved: (a: Asset) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, general, submit } = useFormSubmit(form, FIELDS);

  const save = (confirm: boolean) =>
    submit(async (v) => {
      const saved = await iotApi.updateAsset(asset.id, {
        model: orNull(v.model),
        name: orNull(v.name),
        ownerContactId: v.ownerContactId ?? null,
        organizationId: v.organizationId ?? null,
        ...(confirm ? { confirmed: true } : {}),
      });
      message.success(t(confirm ? 'intake.iot.confirmedOk' : 'intake.iot.saved', { serial: saved.serial }));
      onSaved(saved);
    });

  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="asset-form"
      initialValues={{ model: asset.model ?? '', name: asset.name ?? '', ownerContactId: asset.ownerContactId ?? undefined, organizationId: asset.organizationId ?? undefined }}
    >
      <Form.Item name="model" label={t('intake.iot.model')}>
        <Input maxLength={200} data-testid="asset-model" />
      </Form.Item>
      <Form.Item name="name" label={t('intake.iot.name')}>
        <Input maxLength={200} data-testid="asset-name" />
      </Form.Item>
      <Form.Item name="ownerContactId" label={t('intake.iot.owner')} extra={t('intake.iot.ownerHelp')}>
        <RemoteSelect search={searchContacts} resolve={known(asset.ownerContactId, asset.ownerName, resolveContact)} placeholder={t('customers.searchContacts')} testId="asset-owner" />
      </Form.Item>
      <Form.Item name="organizationId" label={t('intake.iot.organization')}>
        <RemoteSelect search={searchOrganizations} resolve={known(asset.organizationId, asset.organizationName, resolveOrganization)} placeholder={t('customers.searchOrganizations')} testId="asset-organization" />
      </Form.Item>
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} />}
      <Space>
        {!asset.confirmed && (
          <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={busy} onClick={() => void save(true)} data-testid="asset-save-confirm">
            {t('intake.iot.saveConfirm')}
          </Button>
        )}
        <Button type={asset.confirmed ? 'primary' : 'default'} loading={busy} onClick={() => void save(false)} data-testid="asset-save">
          {t('intake.iot.save')}
        </Button>
      </Space>
    </Form>
  );
}
