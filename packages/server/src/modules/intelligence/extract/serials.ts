import { found, type Found } from './types';
import { matches } from './text';

const SERIAL = new RegExp(
  '(?:(?<![A-Za-z])S/?N(?![A-Za-z])|序列号|串号|设备编号|机身号|serial\\s*(?:number|no\\.?|#)?|IMEI)\\s*(?:是|为|码)?\\s*[:：#]?\\s*' +
    '([A-Za-z0-9][A-Za-z0-9-]{3,39})(?![A-Za-z0-9-])',
  'di',
);
// A model may hold spaces ("iPhone 15 Pro", "HP LaserJet M404dn") but stops at CJK or punctuation.
const MODEL = new RegExp(
  '(?:型号|机型|设备型号|产品型号|model\\s*(?:number|no\\.?|#)?)\\s*(?:是|为)?\\s*[:：]?\\s*' +
    '([A-Za-z0-9][A-Za-z0-9\\-_/.+]*(?: [A-Za-z0-9][A-Za-z0-9\\-_/.+]*){0,3})',
  'di',
);

export function findSerials(text: string): Found[] {
  const out: Found[] = [];
  for (const m of matches(SERIAL, text)) {
    const id = m[1]!;
    if (!/\d/.test(id)) continue;
    const start = m.indices![1]![0];
    out.push(found('serial', id.toUpperCase(), start, start + id.length, 0.9));
  }
  for (const m of matches(MODEL, text)) {
    let model = m[1]!.replace(/[.\-_/+]+$/, '');
    // English words after a model ("model X1 is broken") are not part of it.
    model = model.replace(/ (?:is|was|has|and|with|the|but|keeps|doesn't|does|won't|can't|cannot|not|fails?|broke|broken)\b.*$/i, '');
    if (model.length < 2) continue;
    const start = m.indices![1]![0];
    out.push(found('model', model, start, start + model.length, 0.85));
  }
  return out;
}
