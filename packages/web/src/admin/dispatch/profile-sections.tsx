import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { NO_STEP_BUTTONS } from '../../common/quiet-icons';
import { AREA_KINDS, AREA_POINTS, CLOCK, POLYGON_MAX, POLYGON_MIN, WEEKDAYS, pointsIssue, type LatLngPair, type ProfileValues } from './profile-values';
import { AreaMapPanel } from './area-map-panel';
import { PolygonField } from './polygon-field';
import { numberRule } from './number-rule';
import { TermInput, type Term } from './vocabulary';

// The parts of the 派单档案 drawer with more than one input: certifications, the service area, the shift.

/** `known`: the certifications the tenant's people hold, offered with how many hold each. */
export function CertificationsField({ known }: { known?: Term[] }) {
  const { t } = useTranslation();
  return (
    <Form.List name="certifications">
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8} data-testid="profile-certs">
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap data-testid={`profile-cert-${f.name}`}>
              <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('dispatch.profile.certNameRequired') }]} style={{ marginBottom: 0 }}>
                <TermInput terms={known} maxLength={100} placeholder={t('dispatch.profile.certName')} ariaLabel={t('dispatch.profile.certName')} width={200} testId={`profile-cert-name-${f.name}`} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'expires']}
                getValueProps={(v: string | null) => ({ value: v ? dayjs(v) : null })}
                normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
                style={{ marginBottom: 0 }}
              >
                <DatePicker placeholder={t('dispatch.profile.certExpires')} aria-label={t('dispatch.profile.certExpires')} style={{ width: 200 }} data-testid={`profile-cert-expires-${f.name}`} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('dispatch.profile.removeCert')} onClick={() => remove(f.name)} data-testid={`profile-cert-remove-${f.name}`} />
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', expires: null })} data-testid="profile-cert-add">
            {t('dispatch.profile.addCert')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

const inRange = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= max;

/** 服务范围: none, a radius (the centre typed or clicked on the map) or a polygon drawn on the map. `start`: where an empty map opens. */
export function AreaFields({ start, landmarks }: { start: LatLngPair; landmarks?: { at: LatLngPair; label: string }[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ProfileValues>();
  const kind = Form.useWatch<ProfileValues['areaKind']>('areaKind');
  const lat = Form.useWatch<unknown>(['area', 'center', 0]);
  const lng = Form.useWatch<unknown>(['area', 'center', 1]);
  const km = Form.useWatch<unknown>(['area', 'km']);
  const center: LatLngPair | null = inRange(lat, 90) && inRange(lng, 180) ? [lat, lng] : null;
  // a circle for a radius the save would take; the centre alone is shown while the km is missing or out of range
  const radiusKm = typeof km === 'number' && km >= 0.1 && km <= 500 ? km : null;
  const pickCenter = ([la, ln]: LatLngPair) =>
    form.setFields([
      { name: ['area', 'center', 0], value: la, errors: [] },
      { name: ['area', 'center', 1], value: ln, errors: [] },
    ]);
  const pointsRule = {
    validator: (_: unknown, v: LatLngPair[] | undefined) => {
      const issue = pointsIssue(v);
      return issue ? Promise.reject(new Error(t(`dispatch.profile.points.${issue}`, { min: POLYGON_MIN, max: POLYGON_MAX }))) : Promise.resolve();
    },
  };
  return (
    <>
      <Form.Item name="areaKind" label={t('dispatch.profile.area')}>
        <Radio.Group data-testid="profile-area-kind">
          {AREA_KINDS.map((k) => (
            <Radio key={k} value={k}>
              {t(`dispatch.profile.areaKinds.${k}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {kind === 'radius' && (
        <>
          <AreaMapPanel help={t('dispatch.profile.radiusHelp')} start={start} landmarks={landmarks} circle={center && { center, km: radiusKm }} onPick={pickCenter} />
          <Space wrap>
            <Form.Item name={['area', 'center', 0]} label={t('dispatch.profile.centerLat')} rules={[{ required: true, message: t('dispatch.profile.centerLat') }, numberRule({ min: -90, max: 90 }, t)]}>
              <InputNumber controls={NO_STEP_BUTTONS} step={0.0001} style={{ width: 140 }} data-testid="profile-area-lat" />
            </Form.Item>
            <Form.Item name={['area', 'center', 1]} label={t('dispatch.profile.centerLng')} rules={[{ required: true, message: t('dispatch.profile.centerLng') }, numberRule({ min: -180, max: 180 }, t)]}>
              <InputNumber controls={NO_STEP_BUTTONS} step={0.0001} style={{ width: 140 }} data-testid="profile-area-lng" />
            </Form.Item>
            <Form.Item name={['area', 'km']} label={t('dispatch.profile.km')} rules={[{ required: true, message: t('dispatch.profile.km') }, numberRule({ min: 0.1, max: 500 }, t)]}>
              <InputNumber controls={NO_STEP_BUTTONS} style={{ width: 120 }} data-testid="profile-area-km" />
            </Form.Item>
          </Space>
        </>
      )}
      {kind === 'polygon' && (
        <Form.Item name={AREA_POINTS} rules={[pointsRule]} validateTrigger={[]}>
          <PolygonField start={start} landmarks={landmarks} />
        </Form.Item>
      )}
    </>
  );
}

const clockRule = (message: string) => ({ pattern: CLOCK, message });

export function ShiftFields() {
  const { t } = useTranslation();
  const allDay = Form.useWatch<boolean>('allDay');
  return (
    <>
      <Form.Item name="allDay" label={t('dispatch.profile.shift')} valuePropName="checked">
        <Switch checkedChildren={t('dispatch.profile.allDay')} unCheckedChildren={t('dispatch.profile.shift')} aria-label={t('dispatch.profile.allDay')} data-testid="profile-all-day" />
      </Form.Item>
      {!allDay && (
        <>
          <Form.Item name={['shift', 'days']} label={t('dispatch.profile.days')} rules={[{ required: true, type: 'array', min: 1, message: t('dispatch.profile.daysRequired') }]}>
            <Checkbox.Group data-testid="profile-shift-days" options={WEEKDAYS.map((d) => ({ value: d, label: t(`dispatch.profile.weekdays.${d}`) }))} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name={['shift', 'start']} label={t('dispatch.profile.start')} rules={[{ required: true, message: t('dispatch.profile.timeFormat') }, clockRule(t('dispatch.profile.timeFormat'))]}>
              <Input placeholder="08:00" maxLength={5} style={{ width: 100 }} data-testid="profile-shift-start" />
            </Form.Item>
            <Form.Item name={['shift', 'end']} label={t('dispatch.profile.end')} rules={[{ required: true, message: t('dispatch.profile.timeFormat') }, clockRule(t('dispatch.profile.timeFormat'))]}>
              <Input placeholder="18:00" maxLength={5} style={{ width: 100 }} data-testid="profile-shift-end" />
            </Form.Item>
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: -16, marginBottom: 16, fontSize: 12 }}>
            {t('dispatch.profile.nightShift')}
          </Typography.Text>
          <Form.Item name={['shift', 'followsCalendar']} valuePropName="checked" extra={t('dispatch.profile.followsCalendarHint')}>
            <Checkbox data-testid="profile-shift-calendar">{t('dispatch.profile.followsCalendar')}</Checkbox>
          </Form.Item>
        </>
      )}
    </>
  );
}
