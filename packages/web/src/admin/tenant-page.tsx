import { Alert, App, Avatar, Button, Card, Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { adminApi } from '../api/endpoints';
import type { Tenant, TenantChanges, TenantSettings } from '../api/types';
import { errorMessage, mapErrorToFields } from '../common/api-errors';
import { PageLoading } from '../common/page-loading';

// Tenant settings: name, logo, time zone, languages offered and the default one. Reads what GET
// /tenant answers; settings it does not know yet are left out of the form and of the change.

export const TENANT_LANGUAGES = ['zh-CN', 'en-US'] as const;
const FALLBACK_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Asia/Seoul', 'Asia/Kolkata', 'Asia/Dubai', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Australia/Sydney', 'UTC'];

/** IANA time zones the browser knows (Asia/Shanghai first), or a short list. */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  let all: string[] = [];
  try {
    all = intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    all = [];
  }
  const list = all.length ? all : FALLBACK_ZONES;
  return ['Asia/Shanghai', ...list.filter((z) => z !== 'Asia/Shanghai'), ...(list.includes('UTC') ? [] : ['UTC'])];
}

interface Values {
  name: string;
  logoUrl?: string;
  timeZone?: string;
  languages?: TenantSettings['languages'];
  defaultLanguage?: TenantSettings['defaultLanguage'];
}

const KNOWN = ['name', 'settings.logoUrl', 'settings.timeZone', 'settings.languages', 'settings.defaultLanguage'];

export default function TenantPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [tenant, setTenant] = useState<Tenant | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const zones = useMemo(() => timeZones().map((z) => ({ value: z, label: z })), []);
  const languages = Form.useWatch('languages', form) ?? [];
  const logoUrl = Form.useWatch('logoUrl', form);

  const fill = (x: Tenant) => {
    setTenant(x);
    const s = x.settings ?? {};
    form.setFieldsValue({ name: x.name, logoUrl: s.logoUrl ?? '', timeZone: s.timeZone, languages: s.languages, defaultLanguage: s.defaultLanguage });
  };
  useEffect(() => {
    adminApi
      .tenant()
      .then(fill)
      .catch((e: unknown) => setLoadError(e));
  }, []);

  if (loadError)
    return (
      <Alert
        type={loadError instanceof ApiError && (loadError.status === 404 || loadError.status === 405) ? 'info' : 'error'}
        showIcon
        title={loadError instanceof ApiError && (loadError.status === 404 || loadError.status === 405) ? t('admin.tenant.unavailable') : errorMessage(loadError, t)}
        data-testid="tenant-unavailable"
      />
    );
  if (!tenant) return <PageLoading />;
  const s = tenant.settings ?? {};
  const has = (k: keyof TenantSettings) => k in s;

  const save = async (v: Values) => {
    setBusy(true);
    setGeneral(null);
    const settings: NonNullable<TenantChanges['settings']> = {};
    if (has('timeZone') && v.timeZone) settings.timeZone = v.timeZone;
    if (has('languages') && v.languages) settings.languages = v.languages;
    if (has('defaultLanguage') && v.defaultLanguage) settings.defaultLanguage = v.defaultLanguage;
    if (has('logoUrl')) settings.logoUrl = v.logoUrl?.trim() ? v.logoUrl.trim() : null;
    try {
      fill(await adminApi.updateTenant({ name: v.name.trim(), ...(Object.keys(settings).length ? { settings } : {}) }));
      message.success(t('detail.saved'));
    } catch (err) {
      const { fields, general: g } = mapErrorToFields(err, t, KNOWN);
      // the form's fields are flat: settings.timeZone is shown at timeZone
      form.setFields(fields.map((f) => ({ ...f, name: f.name[0] === 'settings' ? f.name.slice(1) : f.name })) as never);
      setGeneral(g);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" style={{ maxWidth: 720 }} data-testid="admin-tenant">
      <Form form={form} layout="vertical" onFinish={save} data-testid="tenant-form">
        <Form.Item name="name" label={t('admin.tenant.name')} rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}>
          <Input data-testid="tenant-name" maxLength={200} />
        </Form.Item>
        {tenant.slug && (
          <Form.Item label={t('admin.tenant.slug')}>
            <Typography.Text code>{tenant.slug}</Typography.Text>
          </Form.Item>
        )}
        {has('logoUrl') && (
          <Form.Item label={t('admin.tenant.logo')} extra={t('admin.tenant.logoHelp')}>
            <Flex gap={12} align="center">
              <Avatar shape="square" size={48} src={logoUrl || undefined} data-testid="tenant-logo-preview">
                {tenant.name.slice(0, 1)}
              </Avatar>
              <Form.Item name="logoUrl" noStyle>
                <Input data-testid="tenant-logo" placeholder="https://…/logo.png" maxLength={2000} />
              </Form.Item>
            </Flex>
          </Form.Item>
        )}
        {has('timeZone') && (
          <Form.Item name="timeZone" label={t('admin.tenant.timeZone')} extra={t('admin.tenant.timeZoneHelp')}>
            <Select data-testid="tenant-time-zone" showSearch options={zones} />
          </Form.Item>
        )}
        {has('languages') && (
          <Form.Item name="languages" label={t('admin.tenant.languages')} rules={[{ required: true, type: 'array', min: 1, message: t('admin.tenant.languagesRequired') }]}>
            <Checkbox.Group
              data-testid="tenant-languages"
              options={TENANT_LANGUAGES.map((l) => ({ value: l, label: t(`admin.tenant.language.${l}`) }))}
              onChange={(v) => {
                const d = form.getFieldValue('defaultLanguage') as string | undefined;
                if (d && !(v as string[]).includes(d)) form.setFieldValue('defaultLanguage', (v as string[])[0]);
              }}
            />
          </Form.Item>
        )}
        {has('defaultLanguage') && (
          <Form.Item name="defaultLanguage" label={t('admin.tenant.defaultLanguage')}>
            <Select
              data-testid="tenant-default-language"
              options={(has('languages') ? languages : TENANT_LANGUAGES).map((l: string) => ({ value: l, label: t(`admin.tenant.language.${l}`, { defaultValue: l }) }))}
            />
          </Form.Item>
        )}
        {!has('timeZone') && !has('languages') && <Alert type="info" showIcon title={t('admin.tenant.settingsPending')} style={{ marginBottom: 12 }} />}
        {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} data-testid="tenant-error" />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="tenant-save">
          {t('app.save')}
        </Button>
      </Form>
    </Card>
  );
}
