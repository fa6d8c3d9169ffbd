import { App, Form, Input, Modal, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from '../../common/quiet-icons';
import { useFormSubmit } from '../../common/use-form-submit';
import { AddButton, AdminFormModal, AdminTablePage, useAdminList } from '../admin-table';
import { CHANNEL_KINDS, DELIVERY_KEYS, deliveryApi, type ChannelBody, type ChannelKind, type NotificationChannel } from './delivery-api';
import { useTargetColumns } from './target-columns';
import { TargetFields } from './target-fields';
import { TestResultModal } from './test-result';
import { useTestSend } from './use-test-send';

// 通知渠道: 企业微信 / 钉钉 / 飞书 群机器人 (their webhook address, the signing secret of DingTalk and Feishu)
// and the 短信网关 (address, token, signature); 测试 sends a test message and shows the platform's answer.

type ConfigKey = keyof NotificationChannel['config'];

interface Values {
  kind: ChannelKind;
  name: string;
  active: boolean;
  config: Partial<Record<ConfigKey, string>>;
}

/** The config keys a kind of channel has. */
export const CONFIG_KEYS: Record<ChannelKind, ConfigKey[]> = {
  wecom_robot: ['url'],
  dingtalk_robot: ['url', 'secret'],
  feishu_robot: ['url', 'secret'],
  sms_gateway: ['url', 'token', 'sign'],
};

/**
 * The config to send: what was typed replaces; on a change, a blank secret / token / address is left out
 * (the server keeps it: it shows them masked and never sends them back), a blank signature is cleared.
 */
export function channelConfig(kind: ChannelKind, config: Values['config'], isNew: boolean): ChannelBody['config'] {
  const out: ChannelBody['config'] = {};
  for (const k of CONFIG_KEYS[kind]) {
    const v = config?.[k]?.trim();
    if (v) out[k] = v;
    else if (!isNew && k === 'sign') out[k] = null;
  }
  return out;
}

function ChannelModal({ editing, onClose, onSaved }: { editing: NotificationChannel | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) as ChannelKind | undefined;
  const { busy, general, setGeneral, submit } = useFormSubmit(form, ['name', 'kind', 'active', 'config.url', 'config.secret', 'config.token', 'config.sign']);
  useEffect(() => {
    // the address of a robot and the secrets come back masked: shown as hints, typed again only to change them
    if (editing) form.setFieldsValue(editing === 'new' ? { kind: 'wecom_robot', name: '', active: true, config: {} } : { kind: editing.kind, name: editing.name, active: editing.active, config: { sign: String(editing.config.sign ?? '') || undefined, url: editing.kind === 'sms_gateway' ? String(editing.config.url ?? '') : undefined } });
  }, [editing, form]);
  const save = () =>
    submit(async (v) => {
      const body = { kind: v.kind, name: v.name.trim(), active: v.active ?? true, config: channelConfig(v.kind, v.config, editing === 'new') };
      if (editing === 'new') await deliveryApi.createChannel(body);
      else if (editing) await deliveryApi.updateChannel(editing.id, body);
      onSaved();
    });
  const keys = kind ? CONFIG_KEYS[kind] : [];
  const masked = (k: ConfigKey) => (editing && editing !== 'new' && editing.config[k] ? t('delivery.channels.keep', { value: String(editing.config[k]) }) : undefined);
  const isNew = editing === 'new';
  return (
    <AdminFormModal open={!!editing} title={editing === 'new' ? t('delivery.channels.add') : t('delivery.channels.edit')} okTestId="channel-save" busy={busy} onOk={save} onCancel={onClose} general={general} clearGeneral={() => setGeneral(null)}>
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item name="kind" label={t('delivery.channels.kind')}>
          <Select disabled={editing !== 'new'} options={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`delivery.kind.${k}`) }))} data-testid="channel-kind" />
        </Form.Item>
        <TargetFields
          testId="channel"
          url={{
            name: ['config', 'url'],
            label: t('delivery.channels.url'),
            extra: kind ? t(`delivery.channels.urlHelp.${kind}`) : undefined,
            rules: [{ required: isNew || kind === 'sms_gateway', message: t('delivery.channels.urlRequired') }, { pattern: /^https?:\/\/\S+$/, message: t('delivery.channels.urlRequired') }],
            placeholder: masked('url'),
          }}
        >
          {keys.includes('secret') && (
            <Form.Item name={['config', 'secret']} label={t('delivery.channels.secret')} extra={t('delivery.channels.secretHelp')}>
              <Input.Password visibilityToggle={false} autoComplete="new-password" placeholder={masked('secret')} data-testid="channel-secret" />
            </Form.Item>
          )}
          {keys.includes('token') && (
            <Form.Item name={['config', 'token']} label={t('delivery.channels.token')}>
              <Input.Password visibilityToggle={false} autoComplete="new-password" placeholder={masked('token')} data-testid="channel-token" />
            </Form.Item>
          )}
          {keys.includes('sign') && (
            <Form.Item name={['config', 'sign']} label={t('delivery.channels.sign')} extra={t('delivery.channels.signHelp')}>
              <Input maxLength={20} data-testid="channel-sign" />
            </Form.Item>
          )}
        </TargetFields>
      </Form>
    </AdminFormModal>
  );
}

export default function ChannelsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useAdminList(DELIVERY_KEYS.channels, deliveryApi.channels);
  const [editing, setEditing] = useState<NotificationChannel | 'new' | null>(null);
  const test = useTestSend();
  const [smsTest, setSmsTest] = useState<NotificationChannel | null>(null);
  const [mobile, setMobile] = useState('');
  const send = (c: NotificationChannel, to?: string) => test.run(c.name, () => deliveryApi.testChannel(c.id, to));
  const columns = useTargetColumns<NotificationChannel>({
    testId: 'channel',
    nameWidth: 200,
    urlTitle: t('delivery.channels.url'),
    urlOf: (c) => c.config.url,
    beforeUrl: [{ key: 'kind', title: t('delivery.channels.kind'), width: 160, render: (_, c) => <Tag>{t(`delivery.kind.${c.kind}`)}</Tag> }],
    // the SMS gateway texts a number: asked for first
    onTest: (c) => (c.kind === 'sms_gateway' ? setSmsTest(c) : send(c)),
    onEdit: setEditing,
    remove: deliveryApi.deleteChannel,
    onRemoved: list.refetch,
  });
  return (
    <AdminTablePage<NotificationChannel>
      testId="channels-admin-page"
      help={t('delivery.channels.intro')}
      add={<AddButton label={t('delivery.channels.add')} onClick={() => setEditing('new')} testId="channel-add" />}
      error={list.error}
      table={{
        dataSource: list.rows,
        loading: list.loading && !list.rows.length,
        locale: { emptyText: t('delivery.channels.empty') },
        onRow: (c) => ({ 'data-testid': `channel-row-${c.name}` }) as React.HTMLAttributes<HTMLElement>,
        columns,
      }}
    >
      <ChannelModal editing={editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), void message.success(t('delivery.saved')), list.refetch())} />
      <TestResultModal state={test.state} onClose={test.close} />
      <Modal open={!!smsTest} title={t('delivery.channels.testMobile')} okText={t('delivery.test')} cancelText={t('app.cancel')} okButtonProps={{ disabled: !/^\+?\d{6,15}$/.test(mobile.trim()), 'data-testid': 'sms-test-send' } as never} onCancel={() => setSmsTest(null)} onOk={() => (send(smsTest!, mobile.trim()), setSmsTest(null))} destroyOnHidden closeIcon={<CloseIcon />}>
        <Input value={mobile} onChange={(e) => setMobile(e.target.value)} placeholder="13800000000" inputMode="tel" data-testid="sms-test-mobile" />
      </Modal>
    </AdminTablePage>
  );
}
