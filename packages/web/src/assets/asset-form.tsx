import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { assetApi } from '../api/asset-endpoints';
import type { Asset } from '../api/asset-types';
import { resolveContact, searchContacts } from '../common/people-search';
import { RemoteSelect, type RemoteOption } from '../common/remote-select';
import { useFormSubmit } from '../common/use-form-submit';
import { resolveOrganization, searchOrganizations } from '../customers/organization-search';
import { resolveAsset, searchAssets } from './asset-search';

// Registers or changes an asset (admins): what it is, whose, where, when installed, until when under
// warranty, what it belongs to. An unconfirmed asset (an alarm's unknown serial) is confirmed with the same save.

interface Values {
  serial?: string;
  model?: string;
  name?: string;
  productLine?: string;
  ownerContactId?: string;
  organizationId?: string;
  parentId?: string;
  address?: string;
  lat?: number | null;
  lng?: number | null;
  installedOn?: string;
  warrantyEnd?: string;
}

const FIELDS = ['serial', 'model', 'name', 'productLine', 'ownerContactId', 'organizationId', 'parentId', 'address', 'lat', 'lng', 'installedOn', 'warrantyEnd'];
const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Labels the asset already carries, so the selects show names without asking the server. */
const known =
  (id: string | null | undefined, label: string | null | undefined, fetch: (id: string) => Promise<RemoteOption | null>) =>
  (value: string): Promise<RemoteOption | null> =>
    value === id && label ? Promise.resolve({ value, label }) : fetch(value);

export function AssetForm({ asset, onSaved }: { asset?: Asset; onSaved: (a: Asset) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, general, submit } = useFormSubmit(form, FIELDS);

  const save = (confirm: boolean) =>
    submit(async (v) => {
      const fields = {
        model: orNull(v.model),
        name: orNull(v.name),
        productLine: orNull(v.productLine),
        ownerContactId: v.ownerContactId ?? null,
        organizationId: v.organizationId ?? null,
        parentId: v.parentId ?? null,
        address: orNull(v.address),
        lat: v.lat ?? null,
        lng: v.lng ?? null,
        installedOn: orNull(v.installedOn),
        warrantyEnd: orNull(v.warrantyEnd),
      };
      const saved = asset ? await assetApi.update(asset.id, { ...fields, ...(confirm ? { confirmed: true } : {}) }) : await assetApi.create({ serial: (v.serial ?? '').trim(), ...fields });
      message.success(t(!asset ? 'assets.created' : confirm ? 'assets.confirmedOk' : 'assets.saved', { serial: saved.serial }));
      onSaved(saved);
    });

  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="asset-form"
      initialValues={{
        model: asset?.model ?? '',
        name: asset?.name ?? '',
        productLine: asset?.productLine ?? '',
        ownerContactId: asset?.ownerContactId ?? undefined,
        organizationId: asset?.organizationId ?? undefined,
        parentId: asset?.parentId ?? undefined,
        address: asset?.address ?? '',
        lat: asset?.lat ?? null,
        lng: asset?.lng ?? null,
        installedOn: asset?.installedOn ?? '',
        warrantyEnd: asset?.warrantyEnd ?? '',
      }}
    >
      {!asset && (
        <Form.Item name="serial" label={t('assets.field.serial')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={128} data-testid="asset-serial" />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="name" label={t('assets.field.name')}>
            <Input maxLength={200} data-testid="asset-name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="model" label={t('assets.field.model')}>
            <Input maxLength={200} data-testid="asset-model" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="productLine" label={t('assets.field.productLine')}>
            <Input maxLength={200} data-testid="asset-product-line" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="parentId" label={t('assets.field.parent')} extra={t('assets.field.parentHelp')}>
            <RemoteSelect search={searchAssets} resolve={known(asset?.parentId, asset?.parentName, resolveAsset)} placeholder={t('assets.ticketAssetSearch')} testId="asset-parent" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="organizationId" label={t('assets.field.organization')}>
            <RemoteSelect search={searchOrganizations} resolve={known(asset?.organizationId, asset?.organizationName, resolveOrganization)} placeholder={t('customers.searchOrganizations')} testId="asset-organization" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerContactId" label={t('assets.field.owner')} extra={t('assets.field.ownerHelp')}>
            <RemoteSelect search={searchContacts} resolve={known(asset?.ownerContactId, asset?.ownerName, resolveContact)} placeholder={t('customers.searchContacts')} testId="asset-owner" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('assets.field.address')}>
        <Input maxLength={500} data-testid="asset-address" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="lat" label={t('assets.field.lat')}>
            <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} data-testid="asset-lat" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="lng" label={t('assets.field.lng')}>
            <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} data-testid="asset-lng" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="installedOn" label={t('assets.field.installedOn')}>
            <Input type="date" data-testid="asset-installed-on" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="warrantyEnd" label={t('assets.field.warrantyEnd')}>
            <Input type="date" data-testid="asset-warranty-end" />
          </Form.Item>
        </Col>
      </Row>
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} />}
      <Space>
        {asset && !asset.confirmed && (
          <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={busy} onClick={() => void save(true)} data-testid="asset-save-confirm">
            {t('assets.saveConfirm')}
          </Button>
        )}
        <Button type={!asset || asset.confirmed ? 'primary' : 'default'} loading={busy} onClick={() => void save(false)} data-testid="asset-save">
          {t('assets.save')}
        </Button>
      </Space>
    </Form>
  );
}
