import { found, type Found } from './types';
import { matches } from './text';

const H = '\\u4e00-\\u9fa5';
const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
const N = '[0-9A-Za-z一二三四五六七八九十百零-]';
const PARTS = {
  province: `(?:${PROVINCES})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?`,
  city: `[${H}]{2,6}?(?:市|自治州|地区|盟)`,
  district: `[${H}]{1,6}?(?:区|县|旗)`,
  town: `[${H}]{1,6}?(?:街道|镇|乡)`,
  road: `[${H}A-Za-z0-9]{1,10}?(?:大道|大街|路|街|巷|弄|胡同)(?:[东西南北中]段)?`,
  number: `${N}+号(?:院)?`,
  estate: `[${H}A-Za-z0-9]{2,10}?(?:小区|大厦|花园|广场|中心|园区|公寓|大楼|家园|新村|苑)`,
  building: `${N}+(?:号楼|栋|幢|座|楼)`,
  unit: `${N}+单元`,
  room: `${N}+(?:室|房|号房)`,
};
const ORDER = ['province', 'city', 'district', 'town', 'road', 'number', 'estate', 'building', 'unit', 'room'] as const;
const ADDRESS = new RegExp(ORDER.map((k) => `(${PARTS[k]})?`).join(''));
// Every part ends in one of these: a text without any has no Chinese address (and the all-optional
// pattern above, tried at every position, is the costliest of the extractors).
const PART_END = /[省市区县旗镇乡道街路巷弄同段号院区厦园场心寓楼苑村栋幢座元室房盟州]/;
// Words that often lead into an address and get swallowed by a lazy CJK prefix.
const LEAD = /^.*[在到址于住往是的:：]/;

// 1600 Amphitheatre Pkwy, Mountain View, CA 94043 — number, capitalised words, a street type,
// then up to three ", Capitalised" parts (city, state + zip).
const EN_ADDRESS =
  /(?<![A-Za-z0-9])\d{1,6}\s+(?:[A-Z][A-Za-z'-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Parkway|Pkwy|Court|Ct|Place|Pl|Highway|Hwy)\b\.?(?:,\s*(?:[A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*)*(?:\s+\d{5}(?:-\d{4})?)?|[A-Z]{2}\s+\d{5}(?:-\d{4})?))*/;

/**
 * Chinese postal addresses: at least two parts (城市/区/路/号/楼/室 …), one of them a city, district,
 * road or province, e.g. 广东省深圳市南山区科技园南路18号3栋502室; and simple English street addresses.
 */
export function findAddresses(text: string): Found[] {
  const out: Found[] = [];
  for (const m of PART_END.test(text) ? matches(ADDRESS, text) : []) {
    const parts = ORDER.filter((_, i) => m[i + 1] !== undefined);
    if (parts.length < 2) continue;
    const anchor = parts.some((p) => p === 'province' || p === 'city' || p === 'district' || p === 'road');
    if (!anchor) continue;
    let start = m.index;
    const first = m[ORDER.indexOf(parts[0]!) + 1]!;
    if (parts[0] !== 'province') {
      const lead = LEAD.exec(first.slice(0, -1));
      if (lead) start += lead[0].length;
    }
    const end = m.index + m[0].length;
    const value = text.slice(start, end);
    if (value.length < 5) continue;
    const conf = parts.length >= 4 ? 0.9 : parts.length === 3 ? 0.8 : 0.6;
    out.push(found('address', value, start, end, conf));
  }
  for (const m of matches(EN_ADDRESS, text)) out.push(found('address', m[0], m.index, m.index + m[0].length, 0.7));
  return out;
}
