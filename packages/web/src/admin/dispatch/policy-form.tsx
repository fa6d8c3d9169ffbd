import { Divider, Form, InputNumber, Select, Slider, Space, Switch, TreeSelect } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategoryTree, useLookups } from '../../common/lookups';
import { useFormSubmit } from '../../common/use-form-submit';
import { AdminFormModal } from '../admin-table';
import { dispatchApi, type DispatchPolicy, type PolicyBody } from './dispatch-api';
import { numberRule } from './number-rule';
import { orNull, WORK_KINDS } from './profile-values';

// The form of a dispatch policy (派单方式): for the tenant, a team or a category — the mode, the score's
// weights, the batch window, the time to accept, overflow at peak, travel speed and position age.

export const MODES: DispatchPolicy['mode'][] = ['manual', 'round_robin', 'least_loaded', 'skills', 'scored', 'batch'];
export const WEIGHTS = ['travel', 'load', 'speed', 'firstFix', 'skillFit', 'tier', 'preferred', 'fairness', 'deadline'] as const;
// the engine's defaults (modules/dispatch/engine/score.ts DEFAULT_WEIGHTS), what a policy without weights uses
const DEFAULT_WEIGHTS = { travel: 3, load: 2, speed: 1, firstFix: 2, skillFit: 1, tier: 1, preferred: 1, fairness: 4, deadline: 3 };

type Values = Omit<PolicyBody, 'acceptTimeoutS'> & { acceptTimeoutS?: number | null; needsAccept: boolean };
export const TARGETS: DispatchPolicy['target'][] = ['person', 'outlet'];
const KNOWN = ['scope', 'scopeId', 'mode', 'target', 'batchWindowS', 'acceptTimeoutS', 'overflowTeamId', 'overflowThreshold', 'speedKmh', 'positionStaleMin', ...WORK_KINDS.flatMap((k) => [`defaultCapacity.${k}`, `defaultDailyLimit.${k}`]), ...WEIGHTS.map((w) => `weights.${w}`)];

export function PolicyModal({ editing, onClose, onSaved }: { editing: DispatchPolicy | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { teams } = useLookups();
  const categoryTree = useCategoryTree();
  const scope = Form.useWatch('scope', form);
  const mode = Form.useWatch('mode', form);
  const needsAccept = Form.useWatch('needsAccept', form);
  const { busy, general, setGeneral, submit } = useFormSubmit(form, KNOWN);
  useEffect(() => {
    if (!editing) return;
    if (editing === 'new')
      form.setFieldsValue({ scope: 'team', scopeId: null, mode: 'scored', target: 'person', weights: DEFAULT_WEIGHTS, batchWindowS: 30, needsAccept: true, acceptTimeoutS: 300, speedKmh: 30, positionStaleMin: 30, defaultCapacity: { ticket: 8, chat: 2, field: 5 }, autoImprove: false });
    else form.setFieldsValue({ ...editing, target: editing.target ?? 'person', weights: { ...DEFAULT_WEIGHTS, ...editing.weights }, needsAccept: editing.acceptTimeoutS !== null, acceptTimeoutS: editing.acceptTimeoutS ?? 300 });
  }, [editing, form]);
  const save = () =>
    submit(async (v) => {
      const { needsAccept: accept, ...rest } = v;
      await dispatchApi.putPolicy({
        ...rest,
        scopeId: rest.scope === 'tenant' ? null : (rest.scopeId ?? null),
        acceptTimeoutS: accept ? (rest.acceptTimeoutS ?? 300) : null,
        overflowTeamId: rest.overflowTeamId ?? null,
        // the form requires the threshold with a backup team; never sent as 0 for a blank field (0 would overflow always)
        overflowThreshold: rest.overflowTeamId ? (rest.overflowThreshold ?? null) : null,
        // a blank daily limit is none: sent as null so a stored one is removed
        defaultDailyLimit: orNull(rest.defaultDailyLimit),
      });
      onSaved();
    });
  const fixed = editing !== 'new';
  return (
    <AdminFormModal open={!!editing} title={editing === 'new' ? t('dispatch.policies.add') : t('dispatch.policies.edit')} okTestId="policy-save" busy={busy} onOk={save} onCancel={onClose} general={general} clearGeneral={() => setGeneral(null)}>
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Space wrap>
          <Form.Item name="scope" label={t('dispatch.policies.scope')}>
            <Select disabled={fixed} style={{ width: 140 }} options={(['tenant', 'team', 'category'] as const).map((s) => ({ value: s, label: t(`dispatch.policies.scopes.${s}`) }))} data-testid="policy-scope" />
          </Form.Item>
          {scope === 'team' && (
            <Form.Item name="scopeId" label={t('dispatch.policies.team')} rules={[{ required: true, message: t('dispatch.policies.targetRequired') }]}>
              <Select disabled={fixed} style={{ width: 200 }} options={teams.map((tm) => ({ value: tm.id, label: tm.name }))} data-testid="policy-team" />
            </Form.Item>
          )}
          {scope === 'category' && (
            <Form.Item name="scopeId" label={t('dispatch.policies.category')} rules={[{ required: true, message: t('dispatch.policies.targetRequired') }]}>
              <TreeSelect disabled={fixed} style={{ width: 200 }} treeData={categoryTree} data-testid="policy-category" />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="mode" label={t('dispatch.policies.mode')}>
          <Select options={MODES.map((m) => ({ value: m, label: t(`dispatch.modes.${m}`) }))} data-testid="policy-mode" />
        </Form.Item>
        <Form.Item name="target" label={t('dispatch.policies.dispatchTo')} extra={t('dispatch.policies.dispatchToHelp')}>
          <Select options={TARGETS.map((x) => ({ value: x, label: t(`dispatch.dispatchTargets.${x}`) }))} data-testid="policy-target" />
        </Form.Item>
        {(mode === 'scored' || mode === 'batch' || mode === 'manual') && (
          <>
            <Divider titlePlacement="start">{t('dispatch.policies.weights')}</Divider>
            {WEIGHTS.map((w) => (
              <Form.Item key={w} name={['weights', w]} label={<WeightLabel name={w} />} style={{ marginBottom: 4 }}>
                <Slider min={0} max={10} step={0.5} marks={{ 0: '0', 5: '5', 10: '10' }} data-testid={`policy-weight-${w}`} />
              </Form.Item>
            ))}
          </>
        )}
        <Divider titlePlacement="start">{t('dispatch.policies.timing')}</Divider>
        <Space wrap align="end">
          {mode === 'batch' && (
            <Form.Item name="batchWindowS" label={t('dispatch.policies.batchWindowS')} rules={[{ required: true, message: t('dispatch.number.required') }, numberRule({ min: 1, max: 3600, whole: true }, t)]}>
              <InputNumber data-testid="policy-batch-window" />
            </Form.Item>
          )}
          <Form.Item name="needsAccept" label={t('dispatch.policies.needsAccept')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {needsAccept && (
            <Form.Item name="acceptTimeoutS" label={t('dispatch.policies.acceptTimeoutS')} rules={[{ required: true, message: t('dispatch.number.required') }, numberRule({ min: 10, max: 86400, whole: true }, t)]}>
              <InputNumber data-testid="policy-accept-timeout" />
            </Form.Item>
          )}
          <Form.Item name="autoImprove" label={t('dispatch.policies.autoImprove')} tooltip={t('dispatch.policies.autoImproveHelp')} valuePropName="checked">
            <Switch data-testid="policy-auto-improve" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="overflowTeamId" label={t('dispatch.policies.overflowTeam')}>
            <Select allowClear style={{ width: 200 }} options={teams.map((tm) => ({ value: tm.id, label: tm.name }))} data-testid="policy-overflow-team" />
          </Form.Item>
          <Form.Item
            name="overflowThreshold"
            label={t('dispatch.policies.overflowThreshold')}
            tooltip={t('dispatch.policies.overflowHelp')}
            dependencies={['overflowTeamId']}
            rules={[
              numberRule({ min: 0, max: 100_000, whole: true }, t),
              ({ getFieldValue }) => ({
                validator: (_r, v) => {
                  const blank = v === null || v === undefined || v === '';
                  if (!blank && !getFieldValue('overflowTeamId')) return Promise.reject(new Error(t('dispatch.number.overflowNeedsTeam')));
                  // a backup team needs its threshold: a blank one is not "always overflow"
                  if (blank && getFieldValue('overflowTeamId')) return Promise.reject(new Error(t('dispatch.number.overflowNeedsThreshold')));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber data-testid="policy-overflow-threshold" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="speedKmh" label={t('dispatch.policies.speedKmh')} rules={[{ required: true, message: t('dispatch.number.required') }, numberRule({ min: 1, max: 300 }, t)]}>
            <InputNumber data-testid="policy-speed" />
          </Form.Item>
          <Form.Item name="positionStaleMin" label={t('dispatch.policies.positionStaleMin')} rules={[{ required: true, message: t('dispatch.number.required') }, numberRule({ min: 1, max: 1440, whole: true }, t)]}>
            <InputNumber data-testid="policy-position-stale" />
          </Form.Item>
        </Space>
        <Space wrap>
          {WORK_KINDS.map((k) => (
            <Form.Item key={k} name={['defaultCapacity', k]} label={t(`dispatch.capacity.${k}`)} rules={[numberRule({ min: 0, max: 200, whole: true }, t)]}>
              <InputNumber data-testid={`policy-capacity-${k}`} />
            </Form.Item>
          ))}
        </Space>
        <Space wrap>
          {WORK_KINDS.map((k) => (
            <Form.Item key={k} name={['defaultDailyLimit', k]} label={t(`dispatch.dailyLimit.${k}`)} rules={[numberRule({ min: 0, max: 500, whole: true }, t)]}>
              <InputNumber placeholder={t('dispatch.dailyLimit.none')} data-testid={`policy-daily-${k}`} />
            </Form.Item>
          ))}
        </Space>
        <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: -8 }}>{t('dispatch.dailyLimit.help')}</div>
      </Form>
    </AdminFormModal>
  );
}

/** A weight's name and its value now (the slider alone shows no number). */
function WeightLabel({ name }: { name: (typeof WEIGHTS)[number] }) {
  const { t } = useTranslation();
  const value = Form.useWatch(['weights', name], Form.useFormInstance()) as number | undefined;
  return <span data-testid={`policy-weight-label-${name}`}>{t('app.labelValue', { label: t(`dispatch.weights.${name}`), value: value ?? '—' })}</span>;
}
