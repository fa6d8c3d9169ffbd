import { Alert, App, Button, Card, Form, InputNumber, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { intelApi } from '../../api/intelligence-endpoints';
import type { IntelSettings } from '../../api/intelligence-types';
import { useFormSubmit } from '../../common/use-form-submit';
import { NO_STEP_BUTTONS } from '../../common/quiet-icons';

// The threshold is kept as a share (0..1) by the server and shown as a percentage here.

interface Values {
  threshold: number | null;
  autoApply: boolean;
}

const toPercent = (share: number) => Math.round(share * 1000) / 10;

export function SettingsForm({ settings, canEdit, onSaved }: { settings: IntelSettings; canEdit: boolean; onSaved: (s: IntelSettings) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // the server's words for a threshold out of range name the 0..1 share; ours name the percentage the admin typed
  const { busy, general, submit } = useFormSubmit(form, ['threshold', 'autoApply'], {
    describe: (issue) => (issue.field === 'threshold' ? t('intel.admin.thresholdRange') : null),
  });

  // on the figures only: saving the keyword rules must not undo an unsaved threshold
  useEffect(() => form.setFieldsValue({ threshold: toPercent(settings.threshold), autoApply: settings.autoApply }), [form, settings.threshold, settings.autoApply]);

  const save = () =>
    submit(async (v) => {
      const saved = await intelApi.updateSettings({ threshold: Number(v.threshold) / 100, autoApply: v.autoApply });
      onSaved(saved);
      message.success(t('intel.admin.saved'));
    });

  return (
    <Card size="small" title={t('intel.admin.settings')} data-testid="intel-settings">
      <Form form={form} layout="vertical" disabled={!canEdit} initialValues={{ threshold: toPercent(settings.threshold), autoApply: settings.autoApply }}>
        <Form.Item
          name="threshold"
          label={t('intel.admin.threshold')}
          extra={t('intel.admin.thresholdHelp')}
          // no min/max on the input: it would silently clamp a typo; the admin sees why instead
          rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('intel.admin.thresholdRange') }]}
        >
          <InputNumber controls={NO_STEP_BUTTONS} data-testid="intel-threshold" step={5} precision={1} suffix="%" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="autoApply" label={t('intel.admin.autoApply')} extra={t('intel.admin.autoApplyHelp')} valuePropName="checked">
          <Switch data-testid="intel-auto-apply" />
        </Form.Item>
        {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} />}
        {canEdit && (
          <Button type="primary" onClick={save} loading={busy} data-testid="intel-settings-save">
            {t('intel.admin.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
