import { CloseOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Select, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { errorMessage } from '../../common/api-errors';
import { useSelectClear } from '../../common/quiet-icons';
import { useFormSubmit } from '../../common/use-form-submit';
import { SLA_KEYS, slaApi } from '../../sla/sla-api';
import type { SlaSettings } from '../../sla/sla-types';
import { isAdmin } from '../access';

// SLA 设置: the statuses that pause the clocks (待客户反馈 and 挂起 unless changed); paused time extends
// the due time. Admins change them; supervisors read.

const PAUSABLE = STATUSES.filter((s) => s !== 'resolved' && s !== 'closed');

export default function SlaSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const admin = isAdmin(useMe());
  const qc = useQueryClient();
  const q = useQuery({ queryKey: SLA_KEYS.settings, queryFn: slaApi.settings });
  const [form] = Form.useForm<SlaSettings>();
  const selectClear = useSelectClear();
  const { busy, general, submit } = useFormSubmit(form, ['pauseStatuses']);
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = () =>
    submit(async (v) => {
      const saved = await slaApi.putSettings({ pauseStatuses: v.pauseStatuses ?? [] });
      qc.setQueryData(SLA_KEYS.settings, saved);
      message.success(t('sla.admin.settings.saved'));
    });
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error, t)} />;
  if (!q.data) return <Skeleton active />;
  return (
    <Card size="small" data-testid="sla-settings-page" style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('sla.admin.settings.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={!admin} onFinish={save}>
        <Form.Item name="pauseStatuses" label={t('sla.admin.settings.pauseStatuses')}>
          <Select mode="multiple" allowClear={selectClear} removeIcon={<CloseOutlined aria-label={t('app.delete')} />} options={PAUSABLE.map((s) => ({ value: s, label: t(`status.${s}`) }))} data-testid="sla-pause-statuses" />
        </Form.Item>
        {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} />}
        {admin && (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="sla-settings-save">
            {t('app.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
