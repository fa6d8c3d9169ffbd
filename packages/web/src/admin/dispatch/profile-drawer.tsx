import { CloseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Drawer, Flex, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon, NO_STEP_BUTTONS, useSelectClear } from '../../common/quiet-icons';
import { useFormSubmit } from '../../common/use-form-submit';
import { DISPATCH_KEYS, dispatchApi, type DispatchProfile } from './dispatch-api';
import { AreaFields, CertificationsField, ShiftFields } from './profile-sections';
import { areaLandmarks, areaStart, knownFields, toBody, toValues, WORK_KINDS, type ProfileValues } from './profile-values';
import { numberRule } from './number-rule';
import { renderTagOption, tagOptions, useVocabulary } from './vocabulary';

// 编辑派单档案: everything of a person's dispatch profile but the skills (those are the matrix's) —
// certifications, 服务区域, the service area (a radius or a polygon, drawn on a map), languages, product
// lines, shift, capacity per kind, home base, 服务网点 and status — saved with one PUT; the server's field
// errors are shown under their inputs.
// Certifications, regions and product lines offer what the tenant's people hold, with how many.

const STATUSES = ['available', 'busy', 'away', 'off_shift'] as const;
const LANGUAGES = ['zh', 'en', 'yue', 'ja', 'ko'];

export function ProfileDrawer({ profile, onClose, onSaved }: { profile: DispatchProfile | null; onClose: () => void; onSaved: (p: DispatchProfile) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const selectClear = useSelectClear();
  const removeTag = <CloseOutlined aria-label={t('app.delete')} />;
  const [form] = Form.useForm<ProfileValues>();
  const outlets = useQuery({ queryKey: DISPATCH_KEYS.outlets, queryFn: () => dispatchApi.outlets(), enabled: !!profile });
  const vocabulary = useVocabulary(!!profile);
  const { busy, general, setGeneral, submit } = useFormSubmit(form, () => knownFields(form.getFieldValue('certifications')?.length ?? 0));
  useEffect(() => {
    if (!profile) return;
    form.resetFields();
    form.setFieldsValue(toValues(profile));
    setGeneral(null);
  }, [profile, form, setGeneral]);

  const save = () =>
    submit(async () => {
      if (!profile) return;
      // the whole form (fields hidden by 全天 or 不限 included), not only the mounted inputs
      const saved = await dispatchApi.putProfile(profile.userId, toBody(form.getFieldsValue(true) as ProfileValues));
      message.success(t('dispatch.profile.saved', { name: profile.name }));
      onSaved(saved);
    });
  const languageOptions = LANGUAGES.map((l) => ({ value: l, label: t(`dispatch.languages.${l}`) }));

  return (
    <Drawer
      open={!!profile}
      onClose={onClose}
      size={560}
      title={profile ? t('dispatch.profile.title', { name: profile.name }) : ''}
      data-testid="profile-drawer"
      forceRender
      closeIcon={<CloseIcon />}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} data-testid="profile-cancel">
            {t('app.cancel')}
          </Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="profile-save">
            {t('app.save')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('dispatch.profile.hint')}</Typography.Paragraph>
      {general && <Alert type="error" showIcon closable={{ onClose: () => setGeneral(null), closeIcon: <CloseIcon /> }} title={general} style={{ marginBottom: 12 }} data-testid="profile-error" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="status" label={t('dispatch.profile.statusLabel')}>
            <Select style={{ width: 140 }} options={STATUSES.map((s) => ({ value: s, label: t(`dispatch.status.${s}`) }))} data-testid="profile-status" />
          </Form.Item>
          <Form.Item name="outletId" label={t('dispatch.profile.outlet')}>
            <Select
              style={{ width: 240 }}
              allowClear={selectClear}
              placeholder={t('dispatch.profile.noOutlet')}
              loading={outlets.isFetching}
              options={(outlets.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
              data-testid="profile-outlet"
            />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start">{t('dispatch.profile.certifications')}</Divider>
        <CertificationsField known={vocabulary?.certifications} />
        <Divider titlePlacement="start">{t('dispatch.profile.regions')}</Divider>
        <Form.Item name="regions" label={t('dispatch.profile.regions')} extra={t('dispatch.profile.regionsHint')}>
          <Select mode="tags" removeIcon={removeTag} suffixIcon={null} tokenSeparators={[',', '，']} options={tagOptions(vocabulary?.regions)} optionRender={renderTagOption} data-testid="profile-regions" />
        </Form.Item>
        {/* keyed by the person: a map opened for someone else starts afresh */}
        <AreaFields key={profile?.userId} start={areaStart(profile, outlets.data?.items)} landmarks={areaLandmarks(profile, outlets.data?.items, t('dispatch.profile.home'))} />
        <Form.Item name="languages" label={t('dispatch.profile.languages')}>
          <Select mode="tags" removeIcon={removeTag} options={languageOptions} data-testid="profile-languages" />
        </Form.Item>
        <Form.Item name="productLines" label={t('dispatch.profile.productLines')} extra={t('dispatch.profile.productLinesHint')}>
          <Select mode="tags" removeIcon={removeTag} suffixIcon={null} tokenSeparators={[',', '，']} options={tagOptions(vocabulary?.productLines)} optionRender={renderTagOption} data-testid="profile-product-lines" />
        </Form.Item>
        <Divider titlePlacement="start">{t('dispatch.profile.shift')}</Divider>
        <ShiftFields />
        <Divider titlePlacement="start">{t('dispatch.profile.capacity')}</Divider>
        <Space wrap>
          {WORK_KINDS.map((k) => (
            <Form.Item key={k} name={['capacity', k]} label={t(`dispatch.profile.capacityKinds.${k}`)} rules={[numberRule({ min: 0, max: 200, whole: true }, t)]}>
              <InputNumber controls={NO_STEP_BUTTONS} style={{ width: 110 }} data-testid={`profile-capacity-${k}`} />
            </Form.Item>
          ))}
        </Space>
        <Space wrap>
          {WORK_KINDS.map((k) => (
            <Form.Item key={k} name={['dailyLimit', k]} label={t(`dispatch.dailyLimit.${k}`)} rules={[numberRule({ min: 0, max: 500, whole: true }, t)]}>
              <InputNumber controls={NO_STEP_BUTTONS} style={{ width: 110 }} placeholder={t('dispatch.dailyLimit.none')} data-testid={`profile-daily-${k}`} />
            </Form.Item>
          ))}
        </Space>
        <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: -8, marginBottom: 8 }}>{t('dispatch.dailyLimit.profileHelp')}</div>
        <Divider titlePlacement="start">{t('dispatch.profile.home')}</Divider>
        <Space wrap>
          <Form.Item name={['home', 'lat']} label={t('dispatch.profile.homeLat')} dependencies={[['home', 'lng']]} rules={[bothOrNeither('lng', t('dispatch.profile.homeBoth')), numberRule({ min: -90, max: 90 }, t)]}>
            <InputNumber controls={NO_STEP_BUTTONS} step={0.0001} style={{ width: 140 }} data-testid="profile-home-lat" />
          </Form.Item>
          <Form.Item name={['home', 'lng']} label={t('dispatch.profile.homeLng')} dependencies={[['home', 'lat']]} rules={[bothOrNeither('lat', t('dispatch.profile.homeBoth')), numberRule({ min: -180, max: 180 }, t)]}>
            <InputNumber controls={NO_STEP_BUTTONS} step={0.0001} style={{ width: 140 }} data-testid="profile-home-lng" />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}

/** The home base is both coordinates or none. */
const bothOrNeither = (other: 'lat' | 'lng', message: string) => ({ getFieldValue }: { getFieldValue: (n: (string | number)[]) => unknown }) => ({
  validator: (_: unknown, v: unknown) => ((v == null) === (getFieldValue(['home', other]) == null) ? Promise.resolve() : Promise.reject(new Error(message))),
});
