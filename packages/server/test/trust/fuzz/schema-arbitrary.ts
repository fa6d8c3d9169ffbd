import fc from 'fast-check';
import { deref, type JsonSchema, type OpenApiDocument } from './openapi-document';

// Valid values built from a JSON schema of the document. Ids are drawn mostly from the fixtures the test
// created (a field's name says which kind), so valid requests reach the handlers instead of ending in 404s.

export type IdPools = Record<string, string[]>;

/** The fixture pool a field or path parameter most likely refers to, by its name. */
const POOL_BY_NAME: [RegExp, string][] = [
  [/^(ticketIds?|parentId|targetId|sourceTicketId|duplicateOfId)$/i, 'tickets'],
  [/^(categoryIds?|parentCategoryId)$/i, 'categories'],
  [/^(typeId|ticketTypeId|ticketTypeIds)$/i, 'ticketTypes'],
  [/^(teamIds?|team)$/i, 'teams'],
  [/^(assigneeIds?|userIds?|memberIds|assignee|createdBy)$/i, 'users'],
  [/^(requesterId|contactIds?|ownerContactId|sourceId|intoId|targetContactId)$/i, 'contacts'],
  [/^organizationIds?$/i, 'organizations'],
  [/^channelIds?$/i, 'channels'],
  [/^(fieldId|customFieldId)$/i, 'customFields'],
  [/^(templateId)$/i, 'replyTemplates'],
  [/^(viewId)$/i, 'views'],
  [/^(assetId)$/i, 'assets'],
];

export function poolFor(name: string | undefined): string | undefined {
  if (!name) return undefined;
  return POOL_BY_NAME.find(([re]) => re.test(name))?.[1];
}

const CHINESE = ['空调', '不制冷', '打印机', '卡纸', '会议室', '报修', '网络', '断开', '请尽快处理', '谢谢', '发票', '退款', '门禁', '电梯', '故障'];
const LATIN = ['printer', 'broken', 'VPN', 'login', 'refund', 'urgent', 'Room 301', 'error E03', 'ok'];

/** Plausible text: Chinese and English words, now and then an emoji. */
const words = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CHINESE) }, { weight: 2, arbitrary: fc.constantFrom(...LATIN) }, { weight: 1, arbitrary: fc.constantFrom('😀', '🔧', '✓') }), { minLength: 1, maxLength: 6 })
  .map((w) => w.join(' '));

function textOf(min: number, max: number): fc.Arbitrary<string> {
  return words.map((s) => {
    let out = s;
    while (out.length < min) out += '工单';
    return out.length > max ? out.slice(0, Math.max(min, max)) : out;
  });
}

export interface GenContext {
  doc: OpenApiDocument;
  pools: IdPools;
  /** field name → pool, where a name means something only on some routes (the public form's key, token, code) */
  nameOverrides?: Record<string, string>;
}

const iso = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-03-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidArb(ctx: GenContext, name: string | undefined): fc.Arbitrary<string> {
  const pool = ctx.pools[poolFor(name) ?? ''] ?? Object.values(ctx.pools).flat().filter((id) => UUID.test(id));
  const random = fc.uuid({ version: 7 });
  return pool.length ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: random }) : random;
}

function stringArb(ctx: GenContext, s: JsonSchema, name: string | undefined): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, 60);
  switch (s.format) {
    case 'uuid':
      return uuidArb(ctx, name);
    case 'email':
      return fc.tuple(fc.constantFrom('chen', 'li.wei', 'ops', 'zhang_san'), fc.nat(9999), fc.constantFrom('example.cn', 'example.com')).map(([u, n, d]) => `${u}${n}@${d}`);
    case 'date-time':
    case 'date':
      return s.format === 'date' ? iso.map((d) => d.slice(0, 10)) : iso;
    case 'uri':
    case 'url':
      return fc.constantFrom('https://example.cn/logo.png', 'http://example.com/a?b=1');
    case 'binary':
      return fc.constant('file');
  }
  if (/password/i.test(name ?? '')) return fc.constantFrom('Kf83-工单-pass', 'x9Y2-测试密码A', 'Rain7-drops-Ok');
  if (name === 'timeZone') return fc.constantFrom('Asia/Shanghai', 'UTC', 'Europe/Berlin');
  if (s.pattern) {
    let re: RegExp;
    try {
      re = new RegExp(s.pattern, 'u'); // JSON schema patterns are Unicode-aware (\p{L})
    } catch {
      re = new RegExp(s.pattern);
    }
    return fc.stringMatching(re).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  }
  if (/email/i.test(name ?? '')) return stringArb(ctx, { ...s, format: 'email' }, name);
  if (/(^|[a-z])(At|From|To|Date)$/.test(name ?? '') || /^(ts|at|due)$/i.test(name ?? '')) return iso;
  return textOf(min, max);
}

function numberArb(s: JsonSchema): fc.Arbitrary<number> {
  const exMin = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
  const exMax = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined;
  const min = Math.max(s.minimum ?? exMin ?? -1000, -1e6);
  const max = Math.min(s.maximum ?? exMax ?? 1000, 1e6);
  if (s.type === 'integer') return fc.integer({ min: Math.ceil(min + (exMin !== undefined ? 1 : 0)), max: Math.floor(max - (exMax !== undefined ? 1 : 0)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: exMin !== undefined, maxExcluded: exMax !== undefined });
}

/** A valid value of the schema (as far as a JSON schema can say). */
export function valueOf(ctx: GenContext, schema: JsonSchema, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(ctx.doc, schema);
  const override = name ? ctx.pools[ctx.nameOverrides?.[name] ?? ''] : undefined;
  const base = ((): fc.Arbitrary<unknown> => {
    if (override?.length) return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...override) }, { weight: 1, arbitrary: stringArb(ctx, s, undefined) });
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const alts = s.anyOf ?? s.oneOf;
    if (alts) return fc.oneof(...alts.map((a) => valueOf(ctx, a, name, depth)));
    if (s.allOf) return valueOf(ctx, s.allOf[0], name, depth);
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    switch (type) {
      case 'string':
        return stringArb(ctx, s, name);
      case 'integer':
      case 'number':
        return numberArb(s);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const min = s.minItems ?? 0;
        const max = Math.max(min, Math.min(s.maxItems ?? 3, 3, depth > 2 ? min : 3));
        return fc.array(valueOf(ctx, s.items ?? {}, singular(name), depth + 1), { minLength: min, maxLength: max });
      }
      case 'object':
        return objectOf(ctx, s, depth);
    }
    if (s.properties) return objectOf(ctx, s, depth);
    // an unconstrained value (z.unknown()): small JSON
    return fc.oneof(textOf(1, 20), fc.integer({ min: 0, max: 100 }), fc.boolean());
  })();
  return s.nullable ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

const singular = (name?: string) => name?.replace(/Ids$/, 'Id');

function objectOf(ctx: GenContext, s: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = s.required ?? [];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = valueOf(ctx, v, k, depth + 1);
  const known = fc.record(model, { requiredKeys: required.filter((k) => k in props) });
  if (s.additionalProperties && typeof s.additionalProperties === 'object' && !Object.keys(props).length) {
    const extra = fc.dictionary(fc.constantFrom('source', 'note', 'level', '备注'), valueOf(ctx, s.additionalProperties, undefined, depth + 1), { maxKeys: 2 });
    return extra;
  }
  return known as fc.Arbitrary<Record<string, unknown>>;
}
