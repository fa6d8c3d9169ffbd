import type { FieldDefinition } from '../../catalog';
import type { Extracted, ExtractedKind } from './types';

type FieldDef = Pick<FieldDefinition, 'key' | 'kind' | 'label_zh' | 'label_en' | 'options'>;

export interface Prefill {
  /** Values to put into ticket.customFields, valid for each field's kind. */
  values: Record<string, unknown>;
  /** Which extracted item filled each key (agents see what was filled automatically). */
  filledBy: Record<string, Extracted>;
}

// Checked in order: the first hint that matches a field's key or labels decides its kinds.
const HINTS: [RegExp, ExtractedKind[]][] = [
  [/e-?mail|邮箱|邮件|电邮/i, ['email']],
  [/order|订单|单号/i, ['order']],
  [/serial|(^|_)sn($|_)|\bS\/?N\b|序列号|串号|imei|机身号/i, ['serial']],
  [/model|型号|机型/i, ['model']],
  [/error|fault|err_?code|错误|故障码|故障代码|报错/i, ['error_code']],
  [/landline|座机|固话/i, ['landline', 'mobile']],
  [/mobile|cell|手机/i, ['mobile', 'landline']],
  [/phone|tel|电话|联系方式|联系号码/i, ['mobile', 'landline']],
  [/amount|price|cost|fee|money|refund|金额|价格|费用|价钱|退款|付款|支付/i, ['amount']],
  [/address|地址|住址|地点/i, ['address']],
  [/date|time|when|day|日期|时间|日$/i, ['date']],
];

function kindsFor(def: FieldDef): ExtractedKind[] {
  const s = `${def.key} ${def.label_zh} ${def.label_en ?? ''}`;
  if (def.kind === 'date') return /date|time|when|day|日期|时间|日|时/i.test(s) ? ['date'] : [];
  if (def.kind === 'number') return HINTS[8]![0].test(s) ? ['amount'] : [];
  return HINTS.find(([re]) => re.test(s))?.[1] ?? [];
}

function convert(def: FieldDef, item: Extracted): unknown {
  switch (def.kind) {
    case 'number':
      return typeof item.value === 'number' ? item.value : undefined;
    case 'date':
      return item.precision === 'day' || item.precision === 'minute' ? String(item.value).slice(0, 10) : undefined;
    case 'text':
      return item.kind === 'amount' ? item.text.trim() : String(item.value);
    case 'select':
    case 'multiselect': {
      const want = String(item.value).toLowerCase();
      const opt = def.options.find((o) =>
        [o.value, o.label_zh, o.label_en ?? ''].some((v) => v !== '' && v.toLowerCase() === want),
      );
      if (!opt) return undefined;
      return def.kind === 'select' ? opt.value : [opt.value];
    }
  }
}

/**
 * Maps extracted items onto a ticket type's custom fields by what a field's key or label hints
 * (order_no / 订单号 → order, 联系电话 → phone, 金额 → amount for a number field, 发生时间 → a date
 * for a date field …). Each item fills at most one field; a field takes the most confident
 * compatible item, the earlier one on ties. Fields with nothing fitting are left out.
 */
export function prefillCustomFields(extracted: Extracted[], fieldDefs: FieldDef[]): Prefill {
  const values: Record<string, unknown> = {};
  const filledBy: Record<string, Extracted> = {};
  const used = new Set<Extracted>();
  for (const def of fieldDefs) {
    const kinds = kindsFor(def);
    if (!kinds.length) continue;
    const candidates = extracted
      .filter((e) => !used.has(e) && kinds.includes(e.kind))
      .sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || b.confidence - a.confidence || a.start - b.start);
    for (const c of candidates) {
      const v = convert(def, c);
      if (v === undefined) continue;
      values[def.key] = v;
      filledBy[def.key] = c;
      used.add(c);
      break;
    }
  }
  return { values, filledBy };
}
