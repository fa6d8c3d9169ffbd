import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../common/lookups';
import type { RuleKind } from './automation-types';
import { useCustomFields, useReshape, ValueInput } from './pickers';
import { CONDITION_FIELDS, kindOf, newCond, operatorsFor, valueShape } from './rule-model';

// The condition rows of one group (满足以下全部条件 / 满足以下任一条件): a field with its Chinese name,
// an operator that depends on the field, and a value control that depends on both.

export const keyOf = (name: string) => name.replace(/\./g, '_');

export function useFieldOptions() {
  const { t } = useTranslation();
  const custom = useCustomFields();
  const name = useLocalName();
  const seen = new Set<string>();
  return [
    ...CONDITION_FIELDS.map((f) => ({ value: f, label: t(`automation.field.${keyOf(f)}`) })),
    ...custom.filter((c) => !seen.has(c.key) && seen.add(c.key)).map((c) => ({ value: `custom.${c.key}`, label: t('automation.editor.customField', { name: name(c) }) })),
  ];
}

function ConditionRow({ group, index, ruleKind, onRemove }: { group: 'all' | 'any'; index: number; ruleKind: RuleKind; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const fieldOptions = useFieldOptions();
  const row = (Form.useWatch([group, index], form) ?? {}) as { field?: string; op?: string; value?: unknown };
  const ops = operatorsFor(row.field, ruleKind);
  const shape = valueShape(row.op);
  const kind = kindOf(row.field);
  const setValue = (v: unknown) => form.setFieldValue([group, index, 'value'], v);
  useReshape(shape, row.value, setValue);
  const id = `cond-${group}-${index}`;
  return (
    <Flex gap={8} wrap align="start" data-testid={id}>
      <Form.Item name={[index, 'field']} rules={[{ required: true, message: t('automation.editor.pickField') }]} style={{ marginBottom: 8 }}>
        <Select
          options={fieldOptions}
          showSearch={{ optionFilterProp: 'label' }}
          virtual={false}
          placeholder={t('automation.editor.pickField')}
          style={{ width: 220 }}
          onChange={(f: string) => form.setFieldValue([group, index], newCond(f, ruleKind))}
          data-testid={`${id}-field`}
          aria-label={t('automation.editor.field')}
        />
      </Form.Item>
      <Form.Item name={[index, 'op']} rules={[{ required: true, message: t('automation.editor.op') }]} style={{ marginBottom: 8 }}>
        <Select options={ops.map((o) => ({ value: o, label: t(`automation.op.${o}`) }))} style={{ width: 160 }} data-testid={`${id}-op`} aria-label={t('automation.editor.op')} />
      </Form.Item>
      {shape !== 'none' && (
        <Form.Item
          name={[index, 'value']}
          rules={[{ validator: (_, v) => (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length) ? Promise.reject(new Error(t('automation.editor.valueRequired'))) : Promise.resolve()) }]}
          style={{ marginBottom: 8 }}
        >
          <ValueInput kind={kind} shape={shape} testId={`${id}-value`} />
        </Form.Item>
      )}
      <Button type="text" icon={<DeleteOutlined aria-hidden />} onClick={onRemove} aria-label={t('automation.editor.remove')} data-testid={`${id}-remove`} />
    </Flex>
  );
}

export function ConditionRows({ group, ruleKind }: { group: 'all' | 'any'; ruleKind: RuleKind }) {
  const { t } = useTranslation();
  return (
    <Form.List name={group}>
      {(fields, { add, remove }) => (
        <div data-testid={`conditions-${group}`}>
          {!fields.length && group === 'all' && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('automation.editor.noConditions')}
            </Typography.Paragraph>
          )}
          {fields.map((f) => (
            <ConditionRow key={f.key} group={group} index={f.name} ruleKind={ruleKind} onRemove={() => remove(f.name)} />
          ))}
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add(newCond('status', ruleKind))} data-testid={`add-condition-${group}`}>
            {t('automation.editor.addCondition')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
