import { Alert, Divider, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { channelsApi } from '../../api/intake-endpoints';
import { INTAKE_KINDS, type IntakeChannel, type IntakeKind } from '../../api/intake-types';
import { useFormSubmit } from '../../common/use-form-submit';
import { toChannelBody, toFormValues, type ChannelValues } from './channel-body';
import { ChannelConnection } from './channel-connection';
import { KIND_SPECS } from './channel-kinds';
import { RoutingFields } from './routing-fields';

// Adding or changing a channel: the fields of its kind (channel-kinds.ts), its write-only secrets,
// the callback URL or embed code to paste elsewhere, and its routing defaults and keyword rules.

interface Props {
  /** null: closed; 'new': adding; a channel: editing it */
  target: IntakeChannel | 'new' | null;
  canEdit: boolean;
  onClose: () => void;
  /** `keepOpen`: a new channel (its callback URL, key and embed code are to be copied now) or a new public key */
  onSaved: (ch: IntakeChannel, keepOpen: boolean) => void;
}

const emptyValues = (kind: IntakeKind): ChannelValues => ({
  kind,
  name: '',
  enabled: true,
  settings: {},
  secrets: {},
  defaults: { tags: [], rules: [] },
});

/** The dialog; its form starts afresh for each channel (and once a new channel is saved). */
export function ChannelForm(props: Props) {
  const { target } = props;
  if (!target) return null;
  return <ChannelDialog key={target === 'new' ? 'new' : target.id} {...props} channel={target === 'new' ? null : target} />;
}

function ChannelDialog({ channel, canEdit, onClose, onSaved }: Props & { channel: IntakeChannel | null }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChannelValues>();
  const [initial] = useState(() => (channel ? toFormValues(channel) : emptyValues('email')));
  const kind = (Form.useWatch('kind', form) as IntakeKind | undefined) ?? channel?.kind ?? 'email';
  const spec = KIND_SPECS[kind];
  const known = () => ['kind', 'name', 'enabled', 'address', ...spec.settings.map((f) => `settings.${f.key}`), ...spec.secrets.map((s) => `secrets.${s}`), 'defaults', 'defaults.rules'];
  const { busy, general, submit } = useFormSubmit(form, known);

  const save = () =>
    submit(async (v) => {
      const values = { ...form.getFieldsValue(true), ...v } as ChannelValues;
      const body = toChannelBody(values, channel ?? undefined);
      let saved = channel ? await channelsApi.update(channel.id, body) : await channelsApi.create({ kind: values.kind, ...body });
      // a new web form or chat widget gets its public key from the server at once
      if (!channel && KIND_SPECS[saved.kind].publicKey && !saved.address) saved = await channelsApi.newPublicKey(saved.id);
      onSaved(saved, !channel);
    });

  return (
    <Modal
      open
      width={760}
      title={channel ? t('intake.channels.edit') : t('intake.channels.add')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: !canEdit, 'data-testid': 'channel-save' } as never}
      destroyOnHidden
      styles={{ body: { maxHeight: '70vh', overflowY: 'auto' } }}
    >
      <Form form={form} initialValues={initial} layout="vertical" disabled={!canEdit} data-testid="channel-form">
        {!canEdit && <Alert type="info" showIcon title={t('intake.channels.readOnly')} style={{ marginBottom: 12 }} />}
        <Divider titlePlacement="start">{t('intake.channels.basic')}</Divider>
        <Form.Item name="kind" label={t('intake.channels.kind')} rules={[{ required: true, message: t('intake.channels.kindRequired') }]}>
          <Select
            disabled={!!channel}
            data-testid="channel-kind"
            options={INTAKE_KINDS.map((k) => ({ value: k, label: t(`channel.${k}`) }))}
            onChange={() => form.setFieldsValue({ address: undefined, settings: {}, secrets: {} })}
          />
        </Form.Item>
        <Form.Item name="name" label={t('intake.channels.name')} rules={[{ required: true, whitespace: true, message: t('intake.channels.nameRequired') }]}>
          <Input maxLength={200} data-testid="channel-name" />
        </Form.Item>
        {spec.address && (
          <Form.Item
            name="address"
            label={t(`intake.channels.field.${spec.address.label}`)}
            rules={spec.address.required ? [{ required: true, whitespace: true, message: t('intake.channels.fieldRequired', { field: t(`intake.channels.field.${spec.address.label}`) }) }] : []}
          >
            <Input maxLength={320} placeholder={spec.address.placeholder} data-testid="channel-address" />
          </Form.Item>
        )}
        <Form.Item name="enabled" label={t('intake.channels.enabled')} valuePropName="checked">
          <Switch data-testid="channel-enabled" />
        </Form.Item>
        <Divider titlePlacement="start">{t('intake.channels.connection')}</Divider>
        <ChannelConnection kind={kind} channel={channel} canEdit={canEdit} onChanged={(ch) => onSaved(ch, true)} />
        <Divider titlePlacement="start">{t('intake.channels.routing')}</Divider>
        <RoutingFields disabled={!canEdit} />
      </Form>
      {general && <Alert type="error" showIcon title={general} data-testid="channel-error" />}
    </Modal>
  );
}
