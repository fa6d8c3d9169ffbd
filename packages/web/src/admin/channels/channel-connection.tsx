import { Alert, App, Button, Form, Input, InputNumber, Popconfirm, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { channelsApi } from '../../api/intake-endpoints';
import type { IntakeChannel, IntakeKind } from '../../api/intake-types';
import { errorMessage } from '../../common/api-errors';
import { CopyField } from '../../common/copy-text';
import { embedSnippet, iotTopics, KIND_SPECS } from './channel-kinds';
import { useTenantSlug } from '../iot/iot-connection';
import { SecretField } from './secret-field';
import { confirmIcon, NO_STEP_BUTTONS } from '../../common/quiet-icons';

// The connection part of the channel dialog: the kind's settings and secrets, then what to paste
// elsewhere — the callback URL, the public key with the embed code, or the MQTT contract.

interface Props {
  kind: IntakeKind;
  channel: IntakeChannel | null;
  canEdit: boolean;
  onChanged: (ch: IntakeChannel) => void;
}

function PublicKey({ channel, canEdit, onChanged }: { channel: IntakeChannel; canEdit: boolean; onChanged: (ch: IntakeChannel) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const spec = KIND_SPECS[channel.kind];
  const renew = async () => {
    try {
      onChanged(await channelsApi.newPublicKey(channel.id));
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };
  return (
    <>
      <Form.Item label={t('intake.channels.publicKey')} extra={t('intake.channels.publicKeyHelp')}>
        {channel.address ? <CopyField value={channel.address} testId="channel-public-key" /> : <Typography.Text type="secondary">{t('app.none')}</Typography.Text>}
        {canEdit && (
          <Popconfirm icon={confirmIcon} title={t('intake.channels.renewKeyConfirm')} okText={t('intake.channels.renewKey')} cancelText={t('app.cancel')} onConfirm={renew}>
            <Button size="small" style={{ marginTop: 8 }} data-testid="channel-renew-key">
              {t('intake.channels.renewKey')}
            </Button>
          </Popconfirm>
        )}
      </Form.Item>
      {spec.embed && channel.address && (
        <Form.Item label={t('intake.channels.embed')} extra={t('intake.channels.embedHelp')}>
          <CopyField multiline value={embedSnippet(spec.embed, window.location.origin, channel.address)} testId="channel-embed" />
        </Form.Item>
      )}
    </>
  );
}

function Mqtt() {
  const { t } = useTranslation();
  const slug = useTenantSlug();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="channel-mqtt"
      title={t('intake.channels.mqtt')}
      description={
        <>
          <div>{t('intake.channels.mqttLogin', { slug })}</div>
          <div>{t('intake.channels.mqttTopics')}</div>
          {iotTopics(slug).map((x) => (
            <div key={x}>
              <Typography.Text code>{x}</Typography.Text>
            </div>
          ))}
          <div>
            {t('intake.channels.iotHttp')} <Typography.Text code>{`${window.location.origin}/api/v1/iot/alarms`}</Typography.Text>
          </div>
          <div>
            {t('intake.channels.deviceKeys')}{' '}
            <Link to="/admin/device-keys" data-testid="channel-device-keys">
              {t('intake.iot.manageKeys')}
            </Link>
          </div>
        </>
      }
    />
  );
}

export function ChannelConnection({ kind, channel, canEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const spec = KIND_SPECS[kind];
  return (
    <>
      {spec.settings.map((f) => {
        const label = t(`intake.channels.field.${f.key}`);
        const name = ['settings', ...f.key.split('.')];
        const testId = `setting-${f.key.replace('.', '-')}`;
        if (f.type === 'boolean')
          return (
            <Form.Item key={f.key} name={name} label={label} valuePropName="checked">
              <Switch data-testid={testId} />
            </Form.Item>
          );
        return (
          <Form.Item key={f.key} name={name} label={label} rules={f.required ? [{ required: true, message: t('intake.channels.fieldRequired', { field: label }) }] : []}>
            {f.type === 'number' ? (
              <InputNumber controls={NO_STEP_BUTTONS} min={1} max={65535} placeholder={f.placeholder} style={{ width: 160 }} data-testid={testId} />
            ) : (
              <Input placeholder={f.placeholder} maxLength={500} data-testid={testId} />
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
        <Form.Item label={t('intake.channels.callbackUrl')} extra={kind === 'phone' ? t('intake.channels.ctiHelp') : t('intake.channels.callbackHelp', { platform: t(`channel.${kind}`) })}>
          {channel ? (
            <CopyField value={spec.callback(window.location.origin, channel.id)} testId="channel-callback" />
          ) : (
            <Typography.Text type="secondary" data-testid="channel-callback-later">
              {t('intake.channels.callbackAfterSave')}
            </Typography.Text>
          )}
        </Form.Item>
      )}
      {spec.publicKey &&
        (channel ? (
          <PublicKey channel={channel} canEdit={canEdit} onChanged={onChanged} />
        ) : (
          <Typography.Paragraph type="secondary" data-testid="channel-key-later">
            {t('intake.channels.keyAfterSave')}
          </Typography.Paragraph>
        ))}
      {spec.mqtt && <Mqtt />}
    </>
  );
}
