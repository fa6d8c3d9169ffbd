import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../catalog';
import { extractFields, prefillCustomFields } from './index';

const now = new Date('2026-03-13T10:00:00+08:00');
const def = (key: string, kind: FieldDefinition['kind'], label_zh: string, label_en = '', options: FieldDefinition['options'] = []): FieldDefinition => ({
  key, kind, label_zh, label_en, required: false, options,
});

const text =
  '你好，订单号：DD20260301123456 的打印机（型号 HP LaserJet M404dn，SN: VNB3K12345）昨天下午3点开始报错 E21，' +
  '维修花了 ¥1,299.00。联系电话 138-0013-8000，邮箱 li@example.com，地址：广东省深圳市南山区科技园南路18号3栋502室。';

describe('prefillCustomFields', () => {
  const extracted = extractFields(text, { now });

  it('fills fields by key or label', () => {
    const defs = [
      def('order_no', 'text', '订单号', 'Order no.'),
      def('contact_phone', 'text', '联系电话', 'Phone'),
      def('fault_code', 'text', '故障码', 'Error code'),
      def('repair_cost', 'number', '金额', 'Amount'),
      def('occurred_on', 'date', '发生时间', 'When'),
      def('device_sn', 'text', '序列号', 'Serial number'),
      def('device_model', 'text', '设备型号', 'Model'),
      def('email', 'text', '邮箱', 'Email'),
      def('ship_address', 'text', '收货地址', 'Address'),
      def('remark', 'text', '备注', 'Remark'),
    ];
    const { values, filledBy } = prefillCustomFields(extracted, defs);
    expect(values).toEqual({
      order_no: 'DD20260301123456',
      contact_phone: '13800138000',
      fault_code: 'E21',
      repair_cost: 1299,
      occurred_on: '2026-03-12',
      device_sn: 'VNB3K12345',
      device_model: 'HP LaserJet M404dn',
      email: 'li@example.com',
      ship_address: '广东省深圳市南山区科技园南路18号3栋502室',
    });
    expect(filledBy.contact_phone).toMatchObject({ kind: 'mobile', text: '138-0013-8000' });
    expect(filledBy.occurred_on).toMatchObject({ kind: 'date', text: '昨天下午3点' });
    expect(filledBy.remark).toBeUndefined();
  });

  it('matches English keys with no Chinese label', () => {
    const { values } = prefillCustomFields(extracted, [def('error_code', 'text', ''), def('amount', 'number', ''), def('date', 'date', '')]);
    expect(values).toEqual({ error_code: 'E21', amount: 1299, date: '2026-03-12' });
  });

  it('a landline field prefers a landline, a mobile field a mobile', () => {
    const ex = extractFields('座机 010-12345678，手机 13800138000', { now });
    const { values } = prefillCustomFields(ex, [def('mobile', 'text', '手机'), def('landline', 'text', '座机')]);
    expect(values).toEqual({ mobile: '13800138000', landline: '010-12345678' });
  });

  it('each item fills at most one field', () => {
    const ex = extractFields('电话 13800138000', { now });
    const { values } = prefillCustomFields(ex, [def('phone', 'text', '电话'), def('backup_phone', 'text', '备用电话')]);
    expect(values).toEqual({ phone: '13800138000' });
  });

  it('only fills what the field kind accepts', () => {
    const ex = extractFields('上个月付了三百元', { now });
    const { values } = prefillCustomFields(ex, [def('occurred_on', 'date', '发生日期'), def('amount', 'number', '金额')]);
    // a month is not a date YYYY-MM-DD
    expect(values).toEqual({ amount: 300 });
  });

  it('amount into a text field keeps the written form', () => {
    const ex = extractFields('退款 12.5万元', { now });
    expect(prefillCustomFields(ex, [def('refund', 'text', '退款金额')]).values).toEqual({ refund: '12.5万元' });
  });

  it('a select field takes the option whose value or label equals the value', () => {
    const ex = extractFields('型号：M404dn 报错 E21', { now });
    const defs = [
      def('model', 'select', '型号', 'Model', [
        { value: 'm404dn', label_zh: 'M404dn' },
        { value: 'm501', label_zh: 'M501' },
      ]),
      def('codes', 'multiselect', '错误码', 'Error codes', [{ value: 'E21', label_zh: '卡纸 E21' }]),
      def('other', 'select', '故障码2', '', [{ value: 'x', label_zh: 'X' }]),
    ];
    expect(prefillCustomFields(ex, defs).values).toEqual({ model: 'm404dn', codes: ['E21'] });
  });

  it('a date field without a date-like name is not filled', () => {
    const ex = extractFields('昨天坏了', { now });
    expect(prefillCustomFields(ex, [def('warranty', 'date', '保修', 'Warranty')]).values).toEqual({});
  });

  it('nothing extracted, nothing filled', () => {
    expect(prefillCustomFields([], [def('order_no', 'text', '订单号')])).toEqual({ values: {}, filledBy: {} });
  });
});

describe('extractFields on mixed text', () => {
  it('returns sorted, non-overlapping items with original substrings', () => {
    const r = extractFields(text, { now });
    expect(r.map((e) => e.kind)).toEqual(['order', 'model', 'serial', 'date', 'error_code', 'amount', 'mobile', 'email', 'address']);
    for (let i = 0; i < r.length; i++) {
      expect(text.slice(r[i]!.start, r[i]!.end)).toBe(r[i]!.text);
      if (i) expect(r[i]!.start).toBeGreaterThanOrEqual(r[i - 1]!.end);
    }
  });

  it('English ticket', () => {
    const t = 'Order #A1234567 arrived broken. Model: RT-AX86U, S/N: K9ABC1234. Error ERR-404 since last Friday at 3pm. Refund $15 to bob@example.org or call +86 139 1234 5678.';
    const r = extractFields(t, { now }).map((e) => [e.kind, e.value]);
    expect(r).toEqual([
      ['order', 'A1234567'],
      ['model', 'RT-AX86U'],
      ['serial', 'K9ABC1234'],
      ['error_code', 'ERR-404'],
      ['date', '2026-03-06T15:00:00+08:00'],
      ['amount', 15],
      ['email', 'bob@example.org'],
      ['mobile', '13912345678'],
    ]);
  });

  it('an ID card, a URL and a year are left alone', () => {
    const t = '身份证 110105199001011234，详情见 https://shop.example.com/item/13800138000?code=E21，2026年 的事';
    expect(extractFields(t, { now })).toEqual([]);
  });

  it('empty text', () => {
    expect(extractFields('', { now })).toEqual([]);
  });
});
