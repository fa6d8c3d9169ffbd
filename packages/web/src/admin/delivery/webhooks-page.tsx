import { Alert, App, Button, Checkbox, Form, Modal, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../common/copy-text';
import { CloseIcon } from '../../common/quiet-icons';
import { useFormSubmit } from '../../common/use-form-submit';
import { AddButton, AdminFormModal, AdminTablePage, useAdminList } from '../admin-table';
import { DELIVERY_KEYS, deliveryApi, type Webhook, type WebhookBody } from './delivery-api';
import { useTargetColumns } from './target-columns';
import { TargetFields } from './target-fields';
import { TestResultModal } from './test-result';
import { useTestSend } from './use-test-send';

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
        <TargetFields testId="webhook" url={{ name: 'url', label: t('delivery.webhooks.url'), rules: [{ required: true, pattern: /^https?:\/\/\S+$/, message: t('delivery.webhooks.urlRequired') }] }}>
          <Form.Item name="events" label={t('delivery.webhooks.events')} extra={t('delivery.webhooks.eventsHelp')}>
            <Select mode="multiple" options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: t(`delivery.event.${ev(e)}`) }))} data-testid="webhook-events" />
          </Form.Item>
          {editing !== 'new' && editing && (
            <Form.Item name="rotate" valuePropName="checked" extra={t('delivery.webhooks.secretNow', { secret: editing.secret })}>
              <Checkbox data-testid="webhook-rotate">{t('delivery.webhooks.rotate')}</Checkbox>
            </Form.Item>
          )}
        </TargetFields>
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
  const test = useTestSend();
  const columns = useTargetColumns<Webhook>({
    testId: 'webhook',
    nameWidth: 180,
    urlTitle: t('delivery.webhooks.url'),
    urlOf: (w) => w.url,
    afterUrl: [{ key: 'events', title: t('delivery.webhooks.events'), render: (_, w) => w.events.map((e) => <Tag key={e}>{t(`delivery.event.${ev(e)}`, { defaultValue: e })}</Tag>) }],
    onTest: (w) => test.run(w.name, () => deliveryApi.testWebhook(w.id)),
    onEdit: setEditing,
    remove: deliveryApi.deleteWebhook,
    onRemoved: list.refetch,
  });
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
        columns,
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
      <TestResultModal state={test.state} onClose={test.close} />
    </AdminTablePage>
  );
}
