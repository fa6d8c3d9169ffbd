import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/endpoints';
import { CopyField } from '../../common/copy-text';
import { iotTopics } from '../channels/channel-kinds';

// How a device connects: the MQTT user name (the tenant slug), the topics, an example command.
// Shown with a new device key (the key in the command) and on the device keys page (a placeholder).

/** The tenant's slug, the MQTT user name; '{tenant}' until it is known. */
export function useTenantSlug(): string {
  const [slug, setSlug] = useState('{tenant}');
  useEffect(() => {
    let live = true;
    adminApi
      .tenant()
      .then((x) => live && x.slug && setSlug(x.slug))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return slug;
}

/** A `mosquitto_pub` command publishing one alarm of device SN123 (QoS 1: acknowledged once stored). */
export function mosquittoExample(host: string, slug: string, key: string): string {
  const payload = JSON.stringify({ code: 'E21', message: '门锁故障', severity: 'critical' });
  return `mosquitto_pub -h ${host} -p 1883 -u '${slug}' -P '${key}' -q 1 -t 'gongdan/${slug}/devices/SN123/alarm' -m '${payload}'`;
}

export function IotConnection({ slug, deviceKey }: { slug: string; deviceKey: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="iot-connection">
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('intake.iot.username')}</Typography.Paragraph>
      <CopyField value={slug} testId="iot-username" />
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 12px' }}>
        {t('intake.iot.password')}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('intake.iot.topics')}</Typography.Paragraph>
      <div data-testid="iot-topics" style={{ marginBottom: 12 }}>
        {iotTopics(slug).map((x) => (
          <div key={x}>
            <Typography.Text code>{x}</Typography.Text>
          </div>
        ))}
      </div>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('intake.iot.example')}</Typography.Paragraph>
      <CopyField multiline value={mosquittoExample(window.location.hostname, slug, deviceKey)} testId="iot-example" />
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        {t('intake.iot.httpUrl')}<Typography.Text code>{`${window.location.origin}/api/v1/iot/alarms`}</Typography.Text>
      </Typography.Paragraph>
    </div>
  );
}
