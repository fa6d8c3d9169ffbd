import { Divider, Form, Input, InputNumber, Select, Space, Switch, TreeSelect } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, PRIORITIES, TIERS } from '../../api/types';
import { useCategoryTree, useLocalName, useLookups } from '../../common/lookups';
import { useFormSubmit } from '../../common/use-form-submit';
import { AdminFormModal } from '../admin-table';
import { dispatchApi, type DispatchRule, type DispatchRuleSaved, type RuleBody } from './dispatch-api';
import { numberRule } from './number-rule';
import { renderTagOption, tagOptions, TermInput, useVocabulary } from './vocabulary';

// The form of a dispatch rule: when it applies (conditions) and what a person needs (requirements). The
// skill, certification, region and product line offer what the tenant's people hold, with how many.

type Conditions = NonNullable<RuleBody['conditions']>;
type Requirements = RuleBody['requirements'];
interface Values {
  name: string;
  enabled: boolean;
  conditions: Conditions;
  requirements: Requirements;
}

/** Empty lists and blank texts are left out: a condition not given matches every ticket. */
export function ruleBody(v: Values): RuleBody {
  const conditions = Object.fromEntries(Object.entries(v.conditions ?? {}).filter(([, x]) => Array.isArray(x) && x.length)) as Conditions;
  const requirements = Object.fromEntries(
    Object.entries(v.requirements ?? {}).filter(([k, x]) => x !== undefined && x !== null && x !== '' && !(k === 'onSite' && x === false)),
  ) as Requirements;
  return { name: v.name.trim(), enabled: v.enabled ?? true, conditions, requirements };
}

const KNOWN = ['name', 'enabled', ...['categoryIds', 'typeIds', 'tiers', 'channels', 'productLines', 'priorities'].map((f) => `conditions.${f}`), ...['skill', 'level', 'certification', 'language', 'region', 'productLine', 'onSite', 'onSiteMinutes', 'teamId'].map((f) => `requirements.${f}`)];

export function RuleModal({ editing, onClose, onSaved }: { editing: DispatchRule | 'new' | null; onClose: () => void; onSaved: (saved: DispatchRuleSaved) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const categoryTree = useCategoryTree();
  const { ticketTypes, teams } = useLookups();
  const name = useLocalName();
  const { busy, general, setGeneral, submit } = useFormSubmit(form, KNOWN);
  const vocabulary = useVocabulary(!!editing);
  useEffect(() => {
    if (editing) form.setFieldsValue(editing === 'new' ? { name: '', enabled: true, conditions: {}, requirements: {} } : { name: editing.name, enabled: editing.enabled, conditions: editing.conditions, requirements: editing.requirements });
  }, [editing, form]);
  const save = () =>
    submit(async (v) => {
      const body = ruleBody(v);
      if (editing === 'new') onSaved(await dispatchApi.createRule(body));
      else if (editing) onSaved(await dispatchApi.updateRule(editing.id, body));
    });
  const multi = (field: keyof Conditions, label: string, options: { value: string; label: string }[], testId: string) => (
    <Form.Item name={['conditions', field]} label={label}>
      <Select mode="multiple" allowClear options={options} placeholder={t('dispatch.rules.any')} data-testid={testId} />
    </Form.Item>
  );
  return (
    <AdminFormModal open={!!editing} title={editing === 'new' ? t('dispatch.rules.add') : t('dispatch.rules.edit')} okTestId="rule-save" busy={busy} onOk={save} onCancel={onClose} general={general} clearGeneral={() => setGeneral(null)}>
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item name="name" label={t('dispatch.rules.name')} rules={[{ required: true, whitespace: true, message: t('dispatch.rules.nameRequired') }]}>
          <Input maxLength={100} data-testid="rule-name" />
        </Form.Item>
        <Form.Item name="enabled" label={t('dispatch.rules.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Divider titlePlacement="start">{t('dispatch.rules.conditions')}</Divider>
        <Form.Item name={['conditions', 'categoryIds']} label={t('dispatch.rules.categories')}>
          <TreeSelect multiple allowClear treeData={categoryTree} placeholder={t('dispatch.rules.any')} showSearch={{ treeNodeFilterProp: 'title' }} data-testid="rule-categories" />
        </Form.Item>
        {multi('typeIds', t('dispatch.rules.types'), ticketTypes.map((tt) => ({ value: tt.id, label: name(tt) })), 'rule-types')}
        {multi('tiers', t('dispatch.rules.tiers'), TIERS.map((x) => ({ value: x, label: t(`tier.${x}`) })), 'rule-tiers')}
        {multi('channels', t('dispatch.rules.channels'), CHANNELS.map((x) => ({ value: x, label: t(`channel.${x}`) })), 'rule-channels')}
        {multi('priorities', t('dispatch.rules.priorities'), PRIORITIES.map((x) => ({ value: x, label: t(`priority.${x}`) })), 'rule-priorities')}
        <Form.Item name={['conditions', 'productLines']} label={t('dispatch.rules.productLines')}>
          <Select mode="tags" allowClear placeholder={t('dispatch.rules.any')} options={tagOptions(vocabulary?.productLines)} optionRender={renderTagOption} data-testid="rule-condition-product-lines" />
        </Form.Item>
        <Divider titlePlacement="start">{t('dispatch.rules.requirements')}</Divider>
        <Space wrap>
          <Form.Item
            name={['requirements', 'skill']}
            label={t('dispatch.rules.skill')}
            dependencies={[['requirements', 'level']]}
            rules={[
              ({ getFieldValue }) => ({
                // a minimum level is of a skill: the missing one is the skill, said under it
                validator: (_r, v) => (getFieldValue(['requirements', 'level']) != null && !String(v ?? '').trim() ? Promise.reject(new Error(t('dispatch.rules.skillForLevel'))) : Promise.resolve()),
              }),
            ]}
          >
            <TermInput terms={vocabulary?.skills} maxLength={64} width={180} testId="rule-skill" />
          </Form.Item>
          <Form.Item name={['requirements', 'level']} label={t('dispatch.rules.level')} rules={[numberRule({ min: 1, max: 5, whole: true }, t)]}>
            <InputNumber style={{ width: 100 }} data-testid="rule-level" />
          </Form.Item>
          <Form.Item name={['requirements', 'certification']} label={t('dispatch.rules.certification')}>
            <TermInput terms={vocabulary?.certifications} maxLength={100} width={200} testId="rule-certification" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name={['requirements', 'language']} label={t('dispatch.rules.language')}>
            <Select allowClear style={{ width: 140 }} options={['zh', 'en', 'yue', 'ja', 'ko'].map((l) => ({ value: l, label: t(`dispatch.languages.${l}`) }))} />
          </Form.Item>
          <Form.Item name={['requirements', 'region']} label={t('dispatch.rules.region')}>
            <TermInput terms={vocabulary?.regions} maxLength={64} width={180} testId="rule-region" />
          </Form.Item>
          <Form.Item name={['requirements', 'productLine']} label={t('dispatch.rules.productLine')}>
            <TermInput terms={vocabulary?.productLines} maxLength={64} width={160} testId="rule-product-line" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name={['requirements', 'teamId']} label={t('dispatch.rules.team')}>
            <Select allowClear style={{ width: 200 }} options={teams.map((tm) => ({ value: tm.id, label: tm.name }))} />
          </Form.Item>
          <Form.Item name={['requirements', 'onSite']} label={t('dispatch.rules.onSite')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name={['requirements', 'onSiteMinutes']} label={t('dispatch.rules.onSiteMinutes')} tooltip={t('dispatch.rules.onSiteMinutesHelp')} rules={[numberRule({ min: 5, max: 1440, whole: true }, t)]}>
            <InputNumber suffix={t('dispatch.rules.minutes')} style={{ width: 140 }} data-testid="rule-on-site-minutes" />
          </Form.Item>
        </Space>
      </Form>
    </AdminFormModal>
  );
}
