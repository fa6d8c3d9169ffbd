import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { intelApi } from '../../api/intelligence-endpoints';
import { INTEL_TARGETS, type IntelModels } from '../../api/intelligence-types';
import { useMe } from '../../auth/auth-context';
import { errorMessage } from '../../common/api-errors';
import { isAdmin } from '../access';
import { INTEL_MODELS } from './intel-query';
import { ModelCard } from './model-card';
import { RulesCard } from './rules-card';
import { SettingsForm } from './settings-form';

// 智能分类: how the classifiers behind automatic triage are doing, their settings, and retraining.
// Supervisors see everything read-only; only admins change settings or retrain.

const byTarget = (a: { target: string }, b: { target: string }) => INTEL_TARGETS.indexOf(a.target as never) - INTEL_TARGETS.indexOf(b.target as never);

export function IntelligenceView({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data, error } = useQuery({ queryKey: INTEL_MODELS, queryFn: intelApi.models });
  const setData = (change: (d: IntelModels) => IntelModels) => queryClient.setQueryData<IntelModels>(INTEL_MODELS, (d) => d && change(d));
  const retrain = useMutation({
    mutationFn: intelApi.train,
    onSuccess: (models) => {
      queryClient.setQueryData(INTEL_MODELS, models);
      message.success(t('intel.admin.trained'));
    },
    onError: (err) => void message.error(errorMessage(err, t)),
  });
  const training = retrain.isPending;

  if (!data && error) return <Alert type="error" showIcon title={errorMessage(error, t)} data-testid="intel-error" />;
  if (!data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Flex vertical gap={12} data-testid="admin-intelligence">
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text type="secondary">{t('intel.admin.help')}</Typography.Text>
        {canEdit && (
          <Space>
            {training && <Typography.Text type="secondary" data-testid="intel-training">{t('intel.admin.training')}</Typography.Text>}
            <Button type="primary" icon={<ReloadOutlined aria-hidden />} loading={training} onClick={() => retrain.mutate()} data-testid="intel-retrain">
              {t('intel.admin.retrain')}
            </Button>
          </Space>
        )}
      </Flex>
      {!canEdit && <Alert type="info" showIcon title={t('intel.admin.readOnly')} data-testid="intel-read-only" />}
      {/* each form takes back only its own part, so saving one leaves the other's unsaved edits alone */}
      <SettingsForm
        settings={data.settings}
        canEdit={canEdit}
        onSaved={({ threshold, autoApply }) => setData((d) => ({ ...d, settings: { ...d.settings, threshold, autoApply } }))}
      />
      <RulesCard rules={data.settings.rules} canEdit={canEdit} onSaved={(rules) => setData((d) => ({ ...d, settings: { ...d.settings, rules } }))} />
      {data.models.length ? (
        [...data.models].sort(byTarget).map((m) => <ModelCard key={m.target} model={m} />)
      ) : (
        <Empty description={t('intel.admin.empty')} />
      )}
    </Flex>
  );
}

export default function IntelligencePage() {
  return <IntelligenceView canEdit={isAdmin(useMe())} />;
}
