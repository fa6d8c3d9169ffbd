import { Alert, App, Button, Card, Checkbox, Flex, Select, Switch, Table, TimePicker, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allOf } from '../api/contract';
import { errorMessage } from '../common/api-errors';
import { DELIVERY_KEYS, deliveryApi, type NotificationPreferences } from '../admin/delivery/delivery-api';

// 通知设置 (from the user menu): for each kind of notification, whether it also goes by email or SMS (in-app
// always), and 免打扰 quiet hours in one's time zone during which only urgent ones go out by email / SMS.

export const PREF_KINDS = ['assigned', 'unassigned', 'dispatch_not_accepted', 'mention', 'watched_ticket_comment', 'watcher_added', 'sla_warning', 'sla_breached', 'escalation', 'automation'] as const;
type Outside = NotificationPreferences['channels'][string][number];
const OUTSIDE = allOf<Outside>()(['email', 'sms']);
const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'America/New_York', 'UTC'];

/** The body of a save: the kinds that also go outside (in-app is always on, not sent), quiet hours both or neither. */
export function preferencesBody(p: NotificationPreferences, quietOn: boolean): NotificationPreferences {
  const channels: NotificationPreferences['channels'] = {};
  for (const [kind, list] of Object.entries(p.channels)) if (list.length) channels[kind] = list;
  return { channels, quietStart: quietOn ? p.quietStart : null, quietEnd: quietOn ? p.quietEnd : null, timeZone: p.timeZone };
}

export default function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const loaded = useQuery({ queryKey: DELIVERY_KEYS.preferences, queryFn: deliveryApi.preferences });
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [quietOn, setQuietOn] = useState(false);
  useEffect(() => {
    if (!loaded.data) return;
    setPrefs(loaded.data);
    setQuietOn(!!(loaded.data.quietStart && loaded.data.quietEnd));
  }, [loaded.data]);
  const save = useMutation({
    mutationFn: (p: NotificationPreferences) => deliveryApi.putPreferences(preferencesBody(p, quietOn)),
    onSuccess: (p) => {
      queryClient.setQueryData(DELIVERY_KEYS.preferences, p);
      void message.success(t('delivery.prefs.saved'));
    },
    onError: (err) => void message.error(errorMessage(err, t)),
  });
  const p = prefs ?? { channels: {}, quietStart: null, quietEnd: null, timeZone: 'Asia/Shanghai' };
  const toggle = (kind: string, channel: Outside, on: boolean) => {
    const list = (p.channels[kind] ?? []).filter((c) => c !== channel);
    setPrefs({ ...p, channels: { ...p.channels, [kind]: on ? [...list, channel] : list } });
  };
  const time = (v: string | null) => (v ? dayjs(`2000-01-01T${v}`) : null);
  const kinds = [...PREF_KINDS, ...Object.keys(p.channels).filter((k) => !(PREF_KINDS as readonly string[]).includes(k))];
  return (
    <div data-testid="notification-preferences" style={{ maxWidth: 760 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('delivery.prefs.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('delivery.prefs.intro')}</Typography.Paragraph>
      {loaded.error && <Alert type="error" showIcon title={errorMessage(loaded.error, t)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey={(k) => k}
        size="small"
        pagination={false}
        loading={loaded.isLoading}
        dataSource={kinds}
        style={{ marginBottom: 16 }}
        columns={[
          { key: 'kind', title: t('delivery.prefs.kind'), render: (_, k) => t(`delivery.prefs.kinds.${k}`, { defaultValue: k }) },
          { key: 'in_app', title: t('delivery.prefs.channel.in_app'), width: 80, render: () => <Checkbox checked disabled title={t('delivery.prefs.inAppAlways')} /> },
          ...OUTSIDE.map((c) => ({
            key: c,
            title: t(`delivery.prefs.channel.${c}`),
            width: 80,
            render: (_: unknown, k: string) => <Checkbox checked={(p.channels[k] ?? []).includes(c)} onChange={(e) => toggle(k, c, e.target.checked)} data-testid={`pref-${k}-${c}`} aria-label={`${t(`delivery.prefs.kinds.${k}`, { defaultValue: k })} ${t(`delivery.prefs.channel.${c}`)}`} />,
          })),
        ]}
      />
      <Card size="small" title={t('delivery.prefs.quiet')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('delivery.prefs.quietHelp')}</Typography.Paragraph>
        <Flex gap={12} align="center" wrap>
          <Switch checked={quietOn} onChange={(on) => (setQuietOn(on), on && !p.quietStart && setPrefs({ ...p, quietStart: '22:00', quietEnd: '08:00' }))} data-testid="pref-quiet" aria-label={t('delivery.prefs.quietOn')} />
          <span>{t('delivery.prefs.quietStart')}</span>
          <TimePicker format="HH:mm" minuteStep={5} disabled={!quietOn} value={time(p.quietStart)} onChange={(v) => setPrefs({ ...p, quietStart: v ? v.format('HH:mm') : null })} allowClear={false} data-testid="pref-quiet-start" />
          <span>{t('delivery.prefs.quietEnd')}</span>
          <TimePicker format="HH:mm" minuteStep={5} disabled={!quietOn} value={time(p.quietEnd)} onChange={(v) => setPrefs({ ...p, quietEnd: v ? v.format('HH:mm') : null })} allowClear={false} data-testid="pref-quiet-end" />
          <span>{t('delivery.prefs.timeZone')}</span>
          <Select value={p.timeZone} onChange={(z) => setPrefs({ ...p, timeZone: z })} options={[...new Set([p.timeZone, ...ZONES])].map((z) => ({ value: z, label: z }))} style={{ width: 180 }} data-testid="pref-zone" />
        </Flex>
      </Card>
      <Button type="primary" loading={save.isPending} disabled={!prefs} onClick={() => save.mutate(p)} data-testid="pref-save">
        {t('delivery.prefs.save')}
      </Button>
    </div>
  );
}
