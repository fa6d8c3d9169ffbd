import { describe, expect, it } from 'vitest';
import { FIELD_KEY, optionProblems, validateCustomFields, type FieldDefinition } from './custom-field-rules';

const defs: FieldDefinition[] = [
  {
    key: 'device_model',
    kind: 'select',
    label_zh: '设备型号',
    label_en: 'Device model',
    required: true,
    options: [
      { value: 'hp-m404', label_zh: '惠普 M404', label_en: 'HP M404' },
      { value: 'canon-2206', label_zh: '佳能 2206', label_en: '' },
    ],
  },
  { key: 'page_count', kind: 'number', label_zh: '打印页数', label_en: '', required: false, options: [] },
  { key: 'purchase_date', kind: 'date', label_zh: '购买日期', label_en: 'Purchase date', required: false, options: [] },
  {
    key: 'symptoms',
    kind: 'multiselect',
    label_zh: '故障现象',
    label_en: 'Symptoms',
    required: false,
    options: [
      { value: 'jam', label_zh: '卡纸' },
      { value: 'offline', label_zh: '脱机' },
    ],
  },
  { key: 'remark', kind: 'text', label_zh: '备注', label_en: 'Remark', required: false, options: [] },
];

describe('custom field values', () => {
  it('accepts and normalizes good values', () => {
    const r = validateCustomFields(defs, { device_model: 'hp-m404', page_count: '12', purchase_date: '2025-06-18', symptoms: ['jam', 'jam', 'offline'], remark: '  三楼  ' });
    expect(r.issues).toEqual([]);
    expect(r.values).toEqual({ device_model: 'hp-m404', page_count: 12, purchase_date: '2025-06-18', symptoms: ['jam', 'offline'], remark: '三楼' });
  });

  it('requires required fields on create, not on a partial update', () => {
    expect(validateCustomFields(defs, {}).issues).toEqual([{ field: 'customFields.device_model', code: 'required', message: expect.stringContaining('设备型号') }]);
    expect(validateCustomFields(defs, { device_model: '' }).issues[0]).toMatchObject({ field: 'customFields.device_model', code: 'required' });
    expect(validateCustomFields(defs, { page_count: 3 }, 'update').issues).toEqual([]);
    expect(validateCustomFields(defs, { device_model: null }, 'update').issues[0].code).toBe('required');
  });

  it('reports wrong values by kind and unknown keys', () => {
    const issue = (values: Record<string, unknown>) => validateCustomFields(defs, { device_model: 'hp-m404', ...values }).issues[0];
    expect(issue({ device_model: 'epson' })).toMatchObject({ field: 'customFields.device_model', code: 'invalid' });
    expect(issue({ page_count: 'abc' })).toMatchObject({ field: 'customFields.page_count', code: 'invalid' });
    expect(issue({ page_count: Infinity })).toMatchObject({ field: 'customFields.page_count' });
    expect(issue({ purchase_date: '2025/06/18' })).toMatchObject({ field: 'customFields.purchase_date' });
    expect(issue({ purchase_date: '2025-13-45' })).toMatchObject({ field: 'customFields.purchase_date' });
    expect(issue({ symptoms: 'jam' })).toMatchObject({ field: 'customFields.symptoms' });
    expect(issue({ symptoms: ['smoke'] })).toMatchObject({ field: 'customFields.symptoms' });
    expect(issue({ remark: 5 })).toMatchObject({ field: 'customFields.remark' });
    expect(issue({ colour: 'red' })).toMatchObject({ field: 'customFields.colour', code: 'unknown_field' });
    expect(validateCustomFields(defs, { device_model: 'hp-m404', page_count: null }).values.page_count).toBeNull();
  });
});

describe('custom field definitions', () => {
  it('knows a good key', () => {
    for (const k of ['device_model', 'a', 'floor2']) expect(FIELD_KEY.test(k)).toBe(true);
    for (const k of ['Device', '2floor', 'device-model', '设备', '', 'a'.repeat(65)]) expect(FIELD_KEY.test(k)).toBe(false);
  });

  it('needs options for select and multiselect, refuses them otherwise', () => {
    expect(optionProblems('select', undefined)).toEqual([expect.objectContaining({ field: 'options', code: 'required' })]);
    expect(optionProblems('multiselect', [])).toEqual([expect.objectContaining({ field: 'options', code: 'required' })]);
    expect(optionProblems('select', [{ value: 'a', label_zh: '甲' }])).toEqual([]);
    expect(optionProblems('text', [{ value: 'a', label_zh: '甲' }])).toEqual([expect.objectContaining({ field: 'options', code: 'not_allowed' })]);
    expect(optionProblems('number', [])).toEqual([]);
    expect(optionProblems('date', undefined)).toEqual([]);
  });

  it('wants unique option values', () => {
    const issues = optionProblems('multiselect', [
      { value: 'a', label_zh: '甲' },
      { value: 'b', label_zh: '乙' },
      { value: 'a', label_zh: '丙' },
      { value: 'b', label_zh: '丁' },
    ]);
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['options.2.value', 'duplicate'],
      ['options.3.value', 'duplicate'],
    ]);
  });
});
