import { found, type Found } from './types';
import { matches } from './text';

// A keyword, an optional "是/为/:/#", then an alphanumeric id with at least one digit.
const ORDER = new RegExp(
  '(?:订单编号|订单号码|订单号|订单|单号|运单号|快递单号|工单号|order\\s*(?:no\\.?|number|num|id|#)?|(?<![A-Za-z0-9&])#)' +
    '\\s*(?:是|为|:|：|#|No\\.?)?\\s*([A-Za-z0-9][A-Za-z0-9-]{3,39})(?![A-Za-z0-9-])',
  'di',
);

export function findOrders(text: string): Found[] {
  const out: Found[] = [];
  for (const m of matches(ORDER, text)) {
    const id = m[1]!.replace(/-+$/, '');
    if (!/\d/.test(id)) continue;
    const hashOnly = m[0].startsWith('#');
    if (hashOnly && id.replace(/\D/g, '').length < 4) continue;
    const start = m.indices![1]![0];
    out.push(found('order', id.toUpperCase(), start, start + id.length, hashOnly ? 0.7 : 0.95));
  }
  return out;
}
