import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../common/api-errors';
import { CopyField } from '../../common/copy-text';
import { CloseIcon, confirmIcon } from '../../common/quiet-icons';
import { useFormSubmit } from '../../common/use-form-submit';
import { AddButton, AdminFormModal, AdminTablePage, useAdminList } from '../admin-table';
import { DELIVERY_KEYS, deliveryApi, type Webhook, type WebhookBody } from './delivery-api';
import { TestResultModal, type TestState } from './test-result';

// Webhook 管理: where ticket events are POSTed (signed with the webhook's secret, shown once when it is
// created), which events, on or off; 测试 sends a test event and shows what the receiver answered.

export const WEBHOOK_EVENTS = ['ticket.created', 'ticket.updated', 'reply.added', 'note.added', 'assigned', 'sla.warning', 'sla.breached', 'ticket.chased', 'automation.applied'] as const;
const ev = (e: string) => e.replace(/\./g, '_');

/** A new signing secret: 32 random bytes as hex (the server asks for at least 16 characters). */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

type Shown = { name: string; secret: string } | null;

function SecretModal({ created, onClose }: { created: Shown; onClose: () => void }) {
  const { t } = useTranslation();
  if (!created) return null;
  return (
    <Modal open title={t('delivery.webhooks.secretTitle', { name: created.name })} onCancel={onClose} maskClosable={false} keyboard={false} destroyOnHidden closeIcon={<CloseIcon />} footer={<Button type="primary" onClick={onClose} data-testid="webhook-secret-done">{t('delivery.webhooks.done')}</Button>}>
      <Alert type="warning" showIcon title={t('delivery.webhooks.secretOnce')} style={{ marginBottom: 12 }} />
      <CopyField value={created.secret} testId="webhook-secret" />
    </Modal>
  );
}

function WebhookModal({ editing, onClose, onSaved }: { editing: Webhook | 'new' | null; onClose: () => void; onSaved: (w: Webhook, secret: string | null) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WebhookBody & { rotate?: boolean }>();
  const { busy, general, setGeneral, submit } = useFormSubmit(form, ['name', 'url', 'events', 'active', 'secret']);
  useEffect(() => {
    if (editing) form.setFieldsValue(editing === 'new' ? { name: '', url: '', events: ['ticket.created'], active: true } : { name: editing.name, url: editing.url, events: editing.events, active: editing.active, rotate: false });
  }, [editing, form]);
  const save = () =>
    submit(async (v) => {
      // the console chooses the secret (new webhook, or a new secret asked for) and shows it once
      const secret = editing === 'new' || v.rotate ? newSecret() : null;
      const body: WebhookBody = { name: v.name.trim(), url: v.url.trim(), events: v.events ?? [], active: v.active ?? true, ...(secret ? { secret } : {}) };
      const w = editing === 'new' ? await deliveryApi.createWebhook(body) : await deliveryApi.updateWebhook((editing as Webhook).id, body);
      onSaved(w, secret);
    });
  return (
    <AdminFormModal open={!!editing} title={editing === 'new' ? t('delivery.webhooks.add') : t('delivery.webhooks.edit')} okTestId="webhook-save" busy={busy} onOk={save} onCancel={onClose} general={general} clearGeneral={() => setGeneral(null)}>
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item name="name" label={t('delivery.name')} rules={[{ required: true, whitespace: true, message: t('delivery.nameRequired') }]}>
          <Input maxLength={100} data-testid="webhook-name" />
        </Form.Item>
        <Form.Item name="url" label={t('delivery.webhooks.url')} rules={[{ required: true, pattern: /^https?:\/\/\S+$/, message: t('delivery.webhooks.urlRequired') }]}>
          <Input placeholder="https://…" data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="events" label={t('delivery.webhooks.events')} extra={t('delivery.webhooks.eventsHelp')}>
          <Select mode="multiple" options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: t(`delivery.event.${ev(e)}`) }))} data-testid="webhook-events" />
        </Form.Item>
        {editing !== 'new' && editing && (
          <Form.Item name="rotate" valuePropName="checked" extra={t('delivery.webhooks.secretNow', { secret: editing.secret })}>
            <Checkbox data-testid="webhook-rotate">{t('delivery.webhooks.rotate')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="active" label={t('delivery.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </AdminFormModal>
  );
}

export default function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useAdminList(DELIVERY_KEYS.webhooks, deliveryApi.webhooks);
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [created, setCreated] = useState<Shown>(null);
  const [test, setTest] = useState<TestState>(null);
  const runTest = (w: Webhook) => {
    setTest({ name: w.name });
    deliveryApi.testWebhook(w.id).then((result) => setTest({ name: w.name, result }), (error) => setTest({ name: w.name, error }));
  };
  const remove = (w: Webhook) => deliveryApi.deleteWebhook(w.id).then(() => (message.success(t('delivery.deleted')), list.refetch()), (err) => message.error(errorMessage(err, t)));
  return (
    <AdminTablePage<Webhook>
      testId="webhooks-page"
      help={
        <>
          {t('delivery.webhooks.intro')} <Typography.Text code>X-Gongdan-Signature: t=…,v1=…</Typography.Text> <Typography.Text code>X-Gongdan-Delivery</Typography.Text>
        </>
      }
      add={<AddButton label={t('delivery.webhooks.add')} onClick={() => setEditing('new')} testId="webhook-add" />}
      error={list.error}
      table={{
        dataSource: list.rows,
        loading: list.loading && !list.rows.length,
        locale: { emptyText: t('delivery.webhooks.empty') },
        onRow: (w) => ({ 'data-testid': `webhook-row-${w.name}` }) as React.HTMLAttributes<HTMLElement>,
        columns: [
          { key: 'name', title: t('delivery.name'), width: 180, render: (_, w) => <Typography.Text strong>{w.name}</Typography.Text> },
          { key: 'url', title: t('delivery.webhooks.url'), render: (_, w) => <Typography.Text code style={{ wordBreak: 'break-all' }}>{w.url}</Typography.Text> },
          { key: 'events', title: t('delivery.webhooks.events'), render: (_, w) => w.events.map((e) => <Tag key={e}>{t(`delivery.event.${ev(e)}`, { defaultValue: e })}</Tag>) },
          { key: 'active', title: t('delivery.active'), width: 70, render: (_, w) => (w.active ? <Tag color="green">{t('delivery.active')}</Tag> : <Tag>—</Tag>) },
          {
            key: 'actions',
            title: '',
            width: 170,
            render: (_, w) => (
              <Space size={2}>
                <Button size="small" onClick={() => runTest(w)} data-testid="webhook-test">
                  {t('delivery.test')}
                </Button>
                <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(w)} aria-label={t('app.edit')} data-testid="webhook-edit" />
                <Popconfirm icon={confirmIcon} title={t('delivery.confirmDelete', { name: w.name })} okText={t('app.delete')} cancelText={t('app.cancel')} onConfirm={() => void remove(w)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} data-testid="webhook-delete" />
                </Popconfirm>
              </Space>
            ),
          },
        ],
      }}
    >
      <WebhookModal
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(w, secret) => {
          setEditing(null);
          if (secret) setCreated({ name: w.name, secret });
          else void message.success(t('delivery.saved'));
          list.refetch();
        }}
      />
      <SecretModal created={created} onClose={() => setCreated(null)} />
      <TestResultModal state={test} onClose={() => setTest(null)} />
    </AdminTablePage>
  );
}
