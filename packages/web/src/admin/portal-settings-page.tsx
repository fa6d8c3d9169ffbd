import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { catalogApi } from '../api/endpoints';
import { channelsApi } from '../api/intake-endpoints';
import type { Schema } from '../api/contract';
import type { Category } from '../api/types';
import { errorMessage } from '../common/api-errors';
import { useFormSubmit } from '../common/use-form-submit';

// Administration › 自助门户: the portal's look (title, logo, colour, language), the web form channel its
// requests go through and the categories it offers, each with the ticket type whose fields its form asks.

type Settings = Schema<'PortalSettings'>;
const KEY = ['portal-settings'];
const LOGO_MAX = 150 * 1024;

const flatten = (nodes: Category[], depth = 0): { value: string; label: string }[] =>
  nodes.flatMap((c) => [{ value: c.id, label: `${'　'.repeat(depth)}${c.nameZh}` }, ...flatten(c.children ?? [], depth + 1)]);

export default function PortalSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: KEY, queryFn: () => api.get<Settings>('/portal-settings') });
  const channels = useQuery({ queryKey: ['channels', 'web'], queryFn: () => channelsApi.list('web') });
  const cats = useQuery({ queryKey: ['categories', 'tree'], queryFn: catalogApi.categories });
  const types = useQuery({ queryKey: ['ticket-types', 'active'], queryFn: catalogApi.ticketTypes });
  const [form] = Form.useForm<Settings>();
  const { busy, general, submit } = useFormSubmit(form, ['enabled', 'title', 'logoUrl', 'primaryColor', 'defaultLocale', 'channelId', 'categories']);
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const logo = Form.useWatch('logoUrl', form);

  const save = () =>
    submit(async (v) => {
      const saved = await api.put<Settings>('/portal-settings', {
        enabled: !!v.enabled,
        title: v.title ?? '',
        logoUrl: v.logoUrl || null,
        primaryColor: v.primaryColor,
        defaultLocale: v.defaultLocale,
        channelId: v.channelId ?? null,
        categories: (v.categories ?? []).filter((c) => c?.categoryId).map((c) => ({ categoryId: c.categoryId, typeId: c.typeId ?? null })),
      });
      qc.setQueryData(KEY, saved);
      message.success(t('portalAdmin.saved'));
    });
  const upload = (file: File | undefined) => {
    if (!file) return;
    if (file.size > LOGO_MAX) return void message.error(t('portalAdmin.tooLarge'));
    const r = new FileReader();
    r.onload = () => form.setFieldValue('logoUrl', String(r.result));
    r.readAsDataURL(file);
  };

  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error, t)} />;
  if (!q.data) return <Skeleton active />;
  const address = `${window.location.origin}/portal/${q.data.slug}`;
  return (
    <Card size="small" data-testid="portal-settings-page" style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary">{t('portalAdmin.intro')}</Typography.Paragraph>
      <Typography.Paragraph>
        {t('portalAdmin.address')}: <Typography.Link href={address} target="_blank" data-testid="portal-address">{address}</Typography.Link>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="enabled" label={t('portalAdmin.enabled')} valuePropName="checked">
          <Switch data-testid="portal-enabled" />
        </Form.Item>
        <Form.Item name="title" label={t('portalAdmin.title')} extra={t('portalAdmin.titleHelp')}>
          <Input maxLength={100} data-testid="portal-title-input" />
        </Form.Item>
        <Form.Item name="logoUrl" label={t('portalAdmin.logoUrl')} extra={t('portalAdmin.logoHelp')}>
          <Input allowClear data-testid="portal-logo-input" />
        </Form.Item>
        <Space style={{ marginBottom: 16 }}>
          {logo && <img src={logo} alt="" style={{ height: 32 }} />}
          <input type="file" accept="image/png,image/jpeg,image/webp,image/svg+xml" aria-label={t('portalAdmin.upload')} onChange={(e) => upload(e.target.files?.[0])} />
        </Space>
        <Form.Item name="primaryColor" label={t('portalAdmin.primaryColor')} rules={[{ pattern: /^#[0-9a-fA-F]{6}$/ }]}>
          <Input type="color" style={{ width: 80 }} data-testid="portal-color" />
        </Form.Item>
        <Form.Item name="defaultLocale" label={t('portalAdmin.defaultLocale')}>
          <Select options={[{ value: 'zh-CN', label: '中文' }, { value: 'en-US', label: 'English' }]} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="channelId" label={t('portalAdmin.channel')} extra={t('portalAdmin.channelHelp')}>
          <Select allowClear data-testid="portal-channel" options={(channels.data?.items ?? []).filter((c) => c.address).map((c) => ({ value: c.id, label: `${c.name}（${c.address}）` }))} />
        </Form.Item>
        <Typography.Text strong>{t('portalAdmin.categories')}</Typography.Text>
        <Form.List name="categories">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'categoryId']} label={t('portalAdmin.category')} rules={[{ required: true }]}>
                    <Select style={{ width: 220 }} options={flatten(cats.data?.items ?? [])} showSearch optionFilterProp="label" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'typeId']} label={t('portalAdmin.type')}>
                    <Select style={{ width: 220 }} allowClear placeholder={t('portalAdmin.noType')} options={(types.data?.items ?? []).map((x) => ({ value: x.id, label: x.nameZh }))} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('app.delete')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ categoryId: undefined, typeId: null })} style={{ display: 'block', marginBottom: 16 }}>
                {t('portalAdmin.addCategory')}
              </Button>
            </>
          )}
        </Form.List>
        {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="portal-settings-save">
          {t('app.save')}
        </Button>
      </Form>
    </Card>
  );
}
