import { Alert, Button, Checkbox, Drawer, Flex, Form, Input, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../common/api-errors';
import { CalendarDaysTable } from './calendar-days-table';
import { WEEKDAYS, weekFromTexts, weeklyMinutes, weekTexts, type Weekday } from './calendar-form-rules';
import { calendarsApi, type BusinessCalendar, type CalendarDay } from './calendars-api';

// The calendar editor: name, time zone, 7×24 or working intervals per weekday (a weekday's intervals
// as "09:00-12:00, 13:30-18:00"), the holidays and 调休 workdays, default or not, and a preview of when
// a target ends. Admins save; the server checks everything and names the field to fix.

const OFFICE: [string, string][] = [['09:00', '12:00'], ['13:30', '18:00']];
const NEW: BusinessCalendar = {
  id: '',
  name: '',
  description: '',
  timeZone: 'Asia/Shanghai',
  alwaysOpen: false,
  isDefault: false,
  week: { '1': OFFICE, '2': OFFICE, '3': OFFICE, '4': OFFICE, '5': OFFICE, '6': [], '7': [] },
  days: [],
  createdAt: '',
  updatedAt: '',
};

type Values = { name: string; description: string; timeZone: string; alwaysOpen: boolean; isDefault: boolean } & Record<`w${Weekday}`, string>;

export function CalendarEditor({ editing, canWrite, onClose, onSaved }: { editing: BusinessCalendar | 'new' | null; canWrite: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const alwaysOpen = Form.useWatch('alwaysOpen', form);
  const cal = editing === 'new' ? NEW : editing;

  useEffect(() => {
    if (!cal) return;
    setGeneral(null);
    setPreview(null);
    setDays(cal.days);
    const texts = weekTexts(cal.week);
    form.setFieldsValue({
      name: cal.name, description: cal.description, timeZone: cal.timeZone, alwaysOpen: cal.alwaysOpen, isDefault: cal.isDefault,
      ...Object.fromEntries(WEEKDAYS.map((d) => [`w${d}`, texts[d]])),
    } as Values);
  }, [cal, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !cal) return;
    const parsed = weekFromTexts(Object.fromEntries(WEEKDAYS.map((d) => [d, v[`w${d}`] ?? ''])) as Record<Weekday, string>);
    if ('bad' in parsed) {
      form.setFields([{ name: `w${parsed.bad}`, errors: [t('calendars.editor.badIntervals')] }]);
      return;
    }
    const body = { name: v.name.trim(), description: v.description ?? '', timeZone: v.timeZone.trim(), alwaysOpen: !!v.alwaysOpen, isDefault: !!v.isDefault, week: parsed.week, days };
    setBusy(true);
    setGeneral(null);
    try {
      if (editing === 'new') await calendarsApi.create(body);
      else await calendarsApi.update(cal.id, body);
      onSaved();
    } catch (err) {
      const field = isApiError(err) ? err.field ?? '' : '';
      const m = /^week\.(\d)/.exec(field);
      if (m) form.setFields([{ name: `w${m[1]}` as `w${Weekday}`, errors: [errorMessage(err, t)] }]);
      else if (field === 'name' || field === 'timeZone') form.setFields([{ name: field, errors: [errorMessage(err, t)] }]);
      else setGeneral(`${errorMessage(err, t)}${field ? ` (${field})` : ''}`);
    } finally {
      setBusy(false);
    }
  };

  const runPreview = async (minutes: number) => {
    if (!cal?.id) return;
    try {
      const p = await calendarsApi.preview(cal.id, minutes);
      setPreview(t('calendars.editor.previewResult', { hours: minutes / 60, due: new Date(p.due).toLocaleString('zh-CN', { timeZone: cal.timeZone }) }));
    } catch (err) {
      setPreview(errorMessage(err, t));
    }
  };

  const texts = Form.useWatch([], form) as Values | undefined;
  const parsedWeek = texts ? weekFromTexts(Object.fromEntries(WEEKDAYS.map((d) => [d, texts[`w${d}`] ?? ''])) as Record<Weekday, string>) : null;
  const hours = parsedWeek && 'week' in parsedWeek ? weeklyMinutes(parsedWeek.week) / 60 : null;

  return (
    <Drawer
      open={!!editing}
      onClose={onClose}
      size="large"
      destroyOnHidden
      forceRender
      title={editing === 'new' ? t('calendars.add') : t('calendars.editor.title', { name: cal?.name ?? '' })}
      extra={
        canWrite && (
          <Space>
            <Button onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={save} data-testid="calendar-save">
              {t('app.save')}
            </Button>
          </Space>
        )
      }
    >
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} data-testid="calendar-error" />}
      <Form form={form} layout="vertical" requiredMark={false} disabled={!canWrite} data-testid="calendar-form">
        <Form.Item name="name" label={t('calendars.name')} rules={[{ required: true, whitespace: true, message: t('calendars.editor.nameRequired') }]}>
          <Input maxLength={200} data-testid="calendar-name" />
        </Form.Item>
        <Form.Item name="description" label={t('calendars.description')}>
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item name="timeZone" label={t('calendars.timeZone')} extra={t('calendars.editor.timeZoneHint')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={64} style={{ maxWidth: 260 }} data-testid="calendar-zone" />
        </Form.Item>
        <Flex gap={24}>
          <Form.Item name="alwaysOpen" label={t('calendars.alwaysOpen')} valuePropName="checked">
            <Switch data-testid="calendar-always-open" />
          </Form.Item>
          <Form.Item name="isDefault" label={t('calendars.isDefault')} valuePropName="checked">
            <Checkbox data-testid="calendar-default">{t('calendars.editor.defaultHint')}</Checkbox>
          </Form.Item>
        </Flex>
        <Typography.Title level={5}>{t('calendars.editor.week')}</Typography.Title>
        <Typography.Paragraph type="secondary">{alwaysOpen ? t('calendars.editor.alwaysOpenHint') : t('calendars.editor.weekHint', { hours: hours ?? '—' })}</Typography.Paragraph>
        {WEEKDAYS.map((d) => (
          <Form.Item key={d} name={`w${d}`} label={t(`calendars.weekday.${d}`)} style={{ marginBottom: 8 }}>
            <Input placeholder={t('calendars.editor.restDay')} disabled={!canWrite || !!alwaysOpen} data-testid={`calendar-week-${d}`} />
          </Form.Item>
        ))}
      </Form>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('calendars.days.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('calendars.days.hint')}</Typography.Paragraph>
      <CalendarDaysTable days={days} onChange={setDays} />
      {cal?.id && (
        <Flex vertical gap={8} style={{ marginTop: 16 }}>
          <Typography.Title level={5}>{t('calendars.editor.preview')}</Typography.Title>
          <Space wrap>
            {[60, 240, 480, 1440].map((m) => (
              <Button key={m} size="small" onClick={() => runPreview(m)} data-testid={`calendar-preview-${m}`}>
                {t('calendars.editor.previewHours', { hours: m / 60 })}
              </Button>
            ))}
          </Space>
          {preview && <Typography.Text data-testid="calendar-preview-result">{preview}</Typography.Text>}
        </Flex>
      )}
    </Drawer>
  );
}
