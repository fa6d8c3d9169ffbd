import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { catalogApi, type CustomFieldInput } from '../api/endpoints';
import type { CustomField, FieldKind } from '../api/types';
import { duplicateOptionValues, FIELD_KEY, FIELD_KINDS, hasOptions, optionsProblem, type OptionValues } from './custom-field-rules';
import { useFormSubmit } from '../common/use-form-submit';
import { NO_STEP_BUTTONS } from '../common/quiet-icons';

// Defines a custom field of a ticket type (or of every ticket): key and kind (fixed once created),
// zh / en labels, required, the options of a select, the order. Server refusals show at their field.

interface Values {
  key: string;
  kind: FieldKind;
  labelZh: string;
  labelEn?: string;
  required: boolean;
  position?: number;
  options?: OptionValues[];
}

interface Props {
  open: boolean;
  /** The field to change; null: a new one. */
  field: CustomField | null;
  ticketTypeId: string | null;
  /** Position for a new field (after the others). */
  nextPosition?: number;
  onClose: () => void;
  onSaved: (f: CustomField) => void;
}

export function CustomFieldEditor({ open, field, ticketTypeId, nextPosition = 0, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { busy, general, setGeneral, submit: submitForm } = useFormSubmit(
    form,
    () => {
      const n = (form.getFieldValue('options') as OptionValues[] | undefined)?.length ?? 0;
      const optionPaths = Array.from({ length: n }, (_, i) => [`options.${i}.value`, `options.${i}.labelZh`, `options.${i}.labelEn`]).flat();
      return ['key', 'kind', 'labelZh', 'labelEn', 'required', 'position', ...optionPaths, 'options'];
    },
    {
      describe: (issue) =>
        issue.field === 'options' && issue.code === 'required' ? t('admin.fields.optionsRequired') : issue.code === 'duplicate' ? t('admin.fields.optionDuplicate') : null,
    },
  );
  const kind = Form.useWatch('kind', form);

  const submit = () =>
    submitForm(async (v) => {
      const options = hasOptions(v.kind)
        ? (v.options ?? []).map((o) => ({ value: (o.value ?? '').trim(), labelZh: (o.labelZh ?? '').trim(), labelEn: (o.labelEn ?? '').trim() }))
        : undefined;
      const common: Omit<CustomFieldInput, 'key' | 'kind' | 'ticketTypeId'> = { labelZh: v.labelZh.trim(), labelEn: v.labelEn?.trim() ?? '', required: !!v.required, ...(v.position != null ? { position: v.position } : {}), ...(options ? { options } : {}) };
      const saved = field ? await catalogApi.updateCustomField(field.id, common) : await catalogApi.createCustomField({ ...common, key: v.key, kind: v.kind, ticketTypeId });
      onSaved(saved);
    });

  return (
    <Modal
      open={open}
      width={640}
      title={field ? t('admin.fields.edit') : t('admin.fields.create')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'field-form-ok' } as never}
      destroyOnHidden
      afterClose={() => setGeneral(null)}
    >
      <Form form={form} initialValues={field
            ? { key: field.key, kind: field.kind, labelZh: field.labelZh, labelEn: field.labelEn, required: field.required, position: field.position, options: field.options }
            : { key: '', kind: 'text', labelZh: '', labelEn: '', required: false, position: nextPosition, options: [] }} layout="vertical" preserve={false} data-testid="field-form">
        <Flex gap={12} wrap>
          <Form.Item
            name="key"
            label={t('admin.fields.key')}
            extra={field ? t('admin.fields.fixed') : t('admin.fields.keyHelp')}
            style={{ flex: 1, minWidth: 200 }}
            rules={[{ required: true, pattern: FIELD_KEY, message: t('admin.fields.keyInvalid') }]}
          >
            <Input data-testid="field-key" disabled={!!field} maxLength={64} />
          </Form.Item>
          <Form.Item name="kind" label={t('admin.fields.kind')} extra={field ? t('admin.fields.fixed') : undefined} style={{ flex: 1, minWidth: 160 }}>
            <Select
              data-testid="field-kind"
              disabled={!!field}
              options={FIELD_KINDS.map((k) => ({ value: k, label: t(`fieldKind.${k}`) }))}
              onChange={(k: FieldKind) => {
                if (hasOptions(k) && !(form.getFieldValue('options') as OptionValues[] | undefined)?.length) form.setFieldValue('options', [{ value: '', labelZh: '', labelEn: '' }]);
              }}
            />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="labelZh" label={t('admin.fields.labelZh')} style={{ flex: 1, minWidth: 200 }} rules={[{ required: true, whitespace: true, message: t('admin.fields.labelRequired') }]}>
            <Input data-testid="field-label-zh" maxLength={200} />
          </Form.Item>
          <Form.Item name="labelEn" label={t('admin.fields.labelEn')} style={{ flex: 1, minWidth: 200 }}>
            <Input data-testid="field-label-en" maxLength={200} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="required" label={t('admin.fields.required')} valuePropName="checked" style={{ flex: 1, minWidth: 160 }}>
            <Switch data-testid="field-required" />
          </Form.Item>
          <Form.Item name="position" label={t('admin.position')} extra={t('admin.positionHelp')} style={{ flex: 1, minWidth: 160 }}>
            <InputNumber controls={NO_STEP_BUTTONS} data-testid="field-position" min={0} max={1_000_000} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        {hasOptions(kind) && (
          <Form.List
            name="options"
            rules={[
              {
                validator: async (_, options: OptionValues[] | undefined) => {
                  const problem = optionsProblem(form.getFieldValue('kind') as FieldKind, options);
                  if (problem) throw new Error(t(problem));
                },
              },
            ]}
          >
            {(items, { add, remove }, { errors }) => (
              <div data-testid="field-options">
                <Typography.Text strong>{t('admin.fields.options')}</Typography.Text>
                {items.map((item) => (
                  <Flex key={item.key} gap={8} align="start" wrap style={{ marginTop: 8 }}>
                    <Form.Item
                      name={[item.name, 'value']}
                      style={{ marginBottom: 0, width: 140 }}
                      rules={[
                        { required: true, whitespace: true, message: t('admin.fields.optionValueRequired') },
                        {
                          validator: async () => {
                            const dup = duplicateOptionValues(form.getFieldValue('options') as OptionValues[]).get(item.name);
                            if (dup) throw new Error(t(dup));
                          },
                        },
                      ]}
                    >
                      <Input data-testid={`field-option-value-${item.name}`} placeholder={t('admin.fields.optionValue')} maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'labelZh']} style={{ marginBottom: 0, flex: 1, minWidth: 120 }} rules={[{ required: true, whitespace: true, message: t('admin.fields.labelRequired') }]}>
                      <Input data-testid={`field-option-zh-${item.name}`} placeholder={t('admin.fields.labelZh')} maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'labelEn']} style={{ marginBottom: 0, flex: 1, minWidth: 120 }}>
                      <Input data-testid={`field-option-en-${item.name}`} placeholder={t('admin.fields.labelEn')} maxLength={200} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('app.delete')} onClick={() => remove(item.name)} data-testid={`field-option-remove-${item.name}`} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ value: '', labelZh: '', labelEn: '' })} style={{ marginTop: 8 }} data-testid="field-option-add">
                  {t('admin.fields.addOption')}
                </Button>
                <Form.ErrorList errors={errors} />
              </div>
            )}
          </Form.List>
        )}
      </Form>
      {general && <Alert type="error" showIcon title={general} style={{ marginTop: 12 }} data-testid="field-form-error" />}
    </Modal>
  );
}
