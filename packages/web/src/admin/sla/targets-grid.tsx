import { Form, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NO_STEP_BUTTONS } from '../../common/quiet-icons';
import { SLA_METRICS } from '../../sla/sla-types';
import { GRID_PRIORITIES, type TargetCell } from './policy-values';

// The targets of a policy: one cell per priority (rows) and metric (columns), each an amount in minutes
// or hours, in 工作时间 (the policy's calendar) or 自然时间 (around the clock). An empty cell: no clock.

function TargetInput({ value, onChange, testId }: { value?: TargetCell; onChange?: (v: TargetCell) => void; testId: string }) {
  const { t } = useTranslation();
  const v: TargetCell = value ?? { amount: null, unit: 'hours', business: true };
  const set = (patch: Partial<TargetCell>) => onChange?.({ ...v, ...patch });
  return (
    <Space.Compact size="small" style={{ width: '100%' }}>
      <InputNumber
        controls={NO_STEP_BUTTONS}
        min={1}
        max={v.unit === 'hours' ? 8760 : 525600}
        precision={v.unit === 'hours' ? undefined : 0}
        value={v.amount}
        onChange={(amount) => set({ amount: typeof amount === 'number' ? amount : null })}
        style={{ width: 64 }}
        data-testid={testId}
        aria-label={t('sla.admin.policies.targets')}
      />
      <Select
        value={v.unit}
        onChange={(unit) => set({ unit })}
        options={[
          { value: 'minutes', label: t('sla.admin.policies.minutes') },
          { value: 'hours', label: t('sla.admin.policies.hours') },
        ]}
        style={{ width: 72 }}
        popupMatchSelectWidth={false}
        data-testid={`${testId}-unit`}
      />
      <Select
        value={v.business ? 'business' : 'calendar'}
        onChange={(k) => set({ business: k === 'business' })}
        options={[
          { value: 'business', label: t('sla.admin.policies.business') },
          { value: 'calendar', label: t('sla.admin.policies.calendarTime') },
        ]}
        style={{ width: 96 }}
        popupMatchSelectWidth={false}
        data-testid={`${testId}-kind`}
      />
    </Space.Compact>
  );
}

export function TargetsGrid() {
  const { t } = useTranslation();
  const cols = `72px repeat(${SLA_METRICS.length}, minmax(232px, 1fr))`;
  return (
    <div style={{ overflowX: 'auto' }} data-testid="policy-targets">
      <div style={{ display: 'grid', gridTemplateColumns: cols, gap: '4px 8px', alignItems: 'start', minWidth: 72 + SLA_METRICS.length * 240 }}>
        <Typography.Text type="secondary">{t('sla.admin.policies.priority')}</Typography.Text>
        {SLA_METRICS.map((m) => (
          <Typography.Text key={m} strong>
            {t(`sla.metric.${m}`)}
          </Typography.Text>
        ))}
        {GRID_PRIORITIES.map((p) => [
          <Typography.Text key={p} style={{ lineHeight: '24px' }}>
            {t(`priority.${p}`)}
          </Typography.Text>,
          ...SLA_METRICS.map((m) => (
            <Form.Item key={`${p}-${m}`} name={['targets', p, m]} style={{ marginBottom: 4 }}>
              <TargetInput testId={`target-${p}-${m}`} />
            </Form.Item>
          )),
        ])}
      </div>
    </div>
  );
}
