import { Alert, Divider, Form, Input, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { channelsApi } from '../../api/intake-endpoints';
import { INTAKE_KINDS, type IntakeChannel, type IntakeKind } from '../../api/intake-types';
import { CopyField } from '../../common/copy-text';
import { useFormSubmit } from '../../common/use-form-submit';
import { toChannelBody, toFormValues, type ChannelValues } from './channel-body';
import { callbackUrl, embedSnippet, IOT_TOPICS, KIND_SPECS, newKey } from './channel-kinds';
import { RoutingFields } from './routing-fields';
import { SecretField } from './secret-field';

// Adding or changing a channel: the fields of its kind (channel-kinds.ts), its write-only secrets,
// the callback URL or embed code to paste elsewhere, and its routing defaults and keyword rules.

interface Props {
  /** null: closed; 'new': adding; a channel: editing it */
  target: IntakeChannel | 'new' | null;
  canEdit: boolean;
  onClose: () => void;
  onSaved: (ch: IntakeChannel, created: boolean) => void;
}

const emptyValues = (kind: IntakeKind): ChannelValues => ({
  kind,
  name: '',
  enabled: true,
  address: KIND_SPECS[kind].address?.generated ? newKey() : undefined,
  settings: {},
  secrets: {},
  defaults: { tags: [], rules: [] },
});

function Connection({ kind, channel }: { kind: IntakeKind; channel: IntakeChannel | null }) {
  const { t } = useTranslation();
  const spec = KIND_SPECS[kind];
  const origin = window.location.origin;
  const address = Form.useWatch('address', Form.useFormInstance()) as string | undefined;
  const platform = t(`channel.${kind}`);
  return (
    <>
      {spec.settings.map((f) => {
        const label = t(`intake.channels.field.${f.key}`);
        return (
          <Form.Item key={f.key} name={['settings', f.key]} label={label} rules={f.required ? [{ required: true, message: t('intake.channels.fieldRequired', { field: label }) }] : []}>
            {f.type === 'number' ? (
              <InputNumber min={1} max={65535} placeholder={f.placeholder} style={{ width: 160 }} data-testid={`setting-${f.key}`} />
            ) : (
              <Input placeholder={f.placeholder} maxLength={500} data-testid={`setting-${f.key}`} />
            )}
          </Form.Item>
        );
      })}
      {spec.secrets.length > 0 && (
        <>
          <Typography.Title level={5}>{t('intake.channels.secretsTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('intake.channels.secretsHelp')}</Typography.Paragraph>
          {spec.secrets.map((s) => (
            <Form.Item key={s} name={['secrets', s]} label={t(`intake.channels.field.${s}`)}>
              <SecretField name={s} isSet={!!channel?.secretsSet.includes(s)} />
            </Form.Item>
          ))}
        </>
      )}
      {spec.callback && (
        <Form.Item label={t('intake.channels.callbackUrl')} extra={t('intake.channels.callbackHelp', { platform })}>
          {channel ? (
            <CopyField value={callbackUrl(origin, kind, channel.id)} testId="channel-callback" />
          ) : (
            <Typography.Text type="secondary" data-testid="channel-callback-later">
              {t('intake.channels.callbackAfterSave')}
            </Typography.Text>
          )}
        </Form.Item>
      )}
      {spec.embed && (
        <Form.Item label={t('intake.channels.embed')} extra={t('intake.channels.embedHelp')}>
          {channel ? (
            <CopyField multiline value={embedSnippet(spec.embed, origin, address ?? channel.address ?? '', channel.id)} testId="channel-embed" />
          ) : (
            <Typography.Text type="secondary">{t('intake.channels.callbackAfterSave')}</Typography.Text>
          )}
        </Form.Item>
      )}
      {spec.mqtt && (
        <Alert
          type="info"
          showIcon
          data-testid="channel-mqtt"
          title={t('intake.channels.mqtt')}
          description={
            <>
              {t('intake.channels.mqttTopics')}
              {IOT_TOPICS.map((x) => (
                <div key={x}>
                  <Typography.Text code>{x}</Typography.Text>
                </div>
              ))}
              {t('intake.channels.deviceKeys')} <Link to="/customers/contacts">{t('intake.channels.deviceKeysLink')}</Link>
            </>
          }
        />
      )}
    </>
  );
}

export function ChannelForm({ target, canEdit, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChannelValues>();
  const channel = target && target !== 'new' ? target : null;
  const kind = (Form.useWatch('kind', form) as IntakeKind | undefined) ?? channel?.kind ?? 'email';
  const spec = KIND_SPECS[kind];
  const known = () => ['kind', 'name', 'enabled', 'address', ...spec.settings.map((f) => `settings.${f.key}`), ...spec.secrets.map((s) => `secrets.${s}`), 'defaults', 'defaults.rules'];
  const { busy, general, setGeneral, submit } = useFormSubmit(form, known);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(channel ? toFormValues(channel) : emptyValues('email'));
    setGeneral(null);
  }, [target]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = () =>
    submit(async (v) => {
      const values = { ...form.getFieldsValue(true), ...v } as ChannelValues;
      const body = toChannelBody(values, channel ?? undefined);
      const saved = channel ? await channelsApi.update(channel.id, body) : await channelsApi.create(body);
      onSaved(saved, !channel);
    });

  return (
    <Modal
      open={!!target}
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
      <Form form={form} layout="vertical" disabled={!canEdit} data-testid="channel-form">
        {!canEdit && <Alert type="info" showIcon title={t('intake.channels.readOnly')} style={{ marginBottom: 12 }} />}
        <Divider titlePlacement="start">{t('intake.channels.basic')}</Divider>
        <Form.Item name="kind" label={t('intake.channels.kind')} rules={[{ required: true, message: t('intake.channels.kindRequired') }]}>
          <Select
            disabled={!!channel}
            data-testid="channel-kind"
            options={INTAKE_KINDS.map((k) => ({ value: k, label: t(`channel.${k}`) }))}
            onChange={(k: IntakeKind) => form.setFieldsValue({ address: KIND_SPECS[k].address?.generated ? newKey() : undefined, settings: {}, secrets: {} })}
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
            <Input maxLength={320} placeholder={spec.address.placeholder} readOnly={spec.address.generated} data-testid="channel-address" />
          </Form.Item>
        )}
        <Form.Item name="enabled" label={t('intake.channels.enabled')} valuePropName="checked">
          <Switch data-testid="channel-enabled" />
        </Form.Item>
        <Divider titlePlacement="start">{t('intake.channels.connection')}</Divider>
        <Connection kind={kind} channel={channel} />
        <Divider titlePlacement="start">{t('intake.channels.routing')}</Divider>
        <RoutingFields disabled={!canEdit} />
      </Form>
      {general && <Alert type="error" showIcon title={general} data-testid="channel-error" />}
    </Modal>
  );
}
