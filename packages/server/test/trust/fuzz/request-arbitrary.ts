import fc from 'fast-check';
import { anyEdge, edgeString, farDate } from './edge-values';
import { deref, type JsonSchema, type Operation, type Parameter } from './openapi-document';
import { valueOf, type GenContext } from './schema-arbitrary';

// One request to an operation: valid, built from its schemas, or valid but for one mutation.

export type Auth = 'admin' | 'none' | 'bogus';

export interface FuzzRequest {
  /** "valid" or the mutation applied */
  kind: string;
  auth: Auth;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

interface FilePart {
  field: string;
  filename: string;
  contentType: string;
  content: string | Buffer;
}
interface Multipart {
  fields: [string, string][];
  files: FilePart[];
}

/** The request as parts, before it is written out. */
interface Parts {
  params: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: { type: 'json'; value: unknown } | { type: 'multipart'; value: Multipart } | { type: 'raw'; contentType?: string; payload: string | Buffer } | null;
}

/** The pool of fixture ids (or keys) a path parameter refers to, by the path segment before it. */
const POOL_BY_SEGMENT: Record<string, string> = {
  tickets: 'tickets',
  attachments: 'attachments',
  organizations: 'organizations',
  contacts: 'contacts',
  categories: 'categories',
  'ticket-types': 'ticketTypes',
  'custom-fields': 'customFields',
  views: 'views',
  'reply-templates': 'replyTemplates',
  calendars: 'calendars',
  channels: 'channels',
  messages: 'inbound',
  keys: 'iotKeys',
  assets: 'assets',
  'api-keys': 'apiKeys',
  users: 'users',
  teams: 'teams',
  imports: 'imports',
  forms: 'formKeys',
};

function paramPool(op: Operation, p: Parameter): string | undefined {
  if (p.name === 'userId') return 'users';
  if (p.name === 'targetId') return 'tickets';
  if (p.name === 'ref') return 'ticketRefs';
  const segs = op.path.split('/');
  const i = segs.indexOf(`{${p.name}}`);
  return POOL_BY_SEGMENT[segs[i - 1]];
}

/** Names that mean a kind of fixture only on some routes: the public form's key, token, code; a category's parent; the CTI's channel. */
const NAMES_BY_PATH: [RegExp, Record<string, string>][] = [
  [/^\/api\/v1\/public\//, { key: 'formKeys', token: 'formTokens', code: 'queryCodes', ref: 'ticketRefs', website: 'empty' }],
  [/^\/api\/v1\/categories/, { parentId: 'categories' }],
  [/^\/api\/v1\/cti\//, { channel: 'phoneChannels' }],
];

function withPathPools(ctx: GenContext, op: Operation): GenContext {
  const names = NAMES_BY_PATH.find(([re]) => re.test(op.path))?.[1];
  return names ? { ...ctx, nameOverrides: names, pools: { ...ctx.pools, empty: [''] } } : ctx;
}

const ATTACHMENTS: FilePart[] = [
  { field: 'file', filename: '故障照片.png', contentType: 'image/png', content: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64') },
  { field: 'file', filename: '说明.txt', contentType: 'text/plain', content: '会议室 301 的空调不制冷' },
  { field: 'file', filename: 'report.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1') },
];
const IMPORT_HEADER = 'external_id,title,description,requester_name,requester_email,created_at,closed_at,status,priority,category,team';
const IMPORTS: FilePart[] = [
  { field: 'file', filename: '旧系统工单.csv', contentType: 'text/csv', content: `${IMPORT_HEADER}\r\nOLD-1,打印机卡纸,三楼打印机,陈静,chen@example.cn,2025-01-02T03:04:05Z,,open,normal,,\r\n` },
  { field: 'file', filename: 'history.jsonl', contentType: 'application/x-ndjson', content: '{"externalId":"J-1","title":"网络断开","description":"无法上网","requester":{"name":"李伟","email":"li@example.cn"},"createdAt":"2025-02-03T04:05:06Z"}\n' },
];

function multipartOf(op: Operation, s: JsonSchema, ctx: GenContext): fc.Arbitrary<Multipart> {
  const files = op.path.includes('/imports') ? IMPORTS : ATTACHMENTS;
  const props = Object.entries(s.properties ?? {}).filter(([, v]) => deref(ctx.doc, v).format !== 'binary');
  const fieldArbs = props.map(([k, v]) => fc.option(valueOf(ctx, v, k).map((x) => [k, String(x)] as [string, string]), { nil: undefined }));
  return fc.record({ file: fc.constantFrom(...files), fields: fc.tuple(...fieldArbs) }).map(({ file, fields }) => ({ files: [file], fields: fields.filter((f): f is [string, string] => !!f) }));
}

function validParts(op: Operation, ctx0: GenContext): fc.Arbitrary<Parts> {
  const ctx = withPathPools(ctx0, op);
  const params: Record<string, fc.Arbitrary<string>> = {};
  const query: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredQuery: string[] = [];
  const headers: Record<string, fc.Arbitrary<string>> = {};
  const requiredHeaders: string[] = [];
  for (const p of op.op.parameters ?? []) {
    if (p.in === 'header') {
      headers[p.name] = valueOf(ctx, p.schema ?? { type: 'string' }, p.name).map((v) => headerSafe(String(v)));
      if (p.required) requiredHeaders.push(p.name);
    }
    if (p.in === 'path') {
      const pool = ctx.pools[paramPool(op, p) ?? ''] ?? [];
      const fromSchema = valueOf(ctx, p.schema ?? { type: 'string' }, p.name).map(String);
      params[p.name] = pool.length ? fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fromSchema }) : fromSchema;
    } else if (p.in === 'query') {
      query[p.name] = valueOf(ctx, p.schema ?? { type: 'string' }, p.name);
      if (p.required) requiredQuery.push(p.name);
    }
  }
  const content = op.op.requestBody?.content ?? {};
  let body: fc.Arbitrary<Parts['body']> = fc.constant(null);
  if (content['application/json']?.schema) {
    const b = valueOf(ctx, content['application/json'].schema, undefined).map((value) => ({ type: 'json' as const, value }));
    body = op.op.requestBody?.required ? b : fc.oneof(b, fc.constant(null));
  } else if (content['multipart/form-data']?.schema) {
    body = multipartOf(op, deref(ctx.doc, content['multipart/form-data'].schema), ctx).map((value) => ({ type: 'multipart' as const, value }));
  }
  return fc.record({ params: fc.record(params), query: fc.record(query, { requiredKeys: requiredQuery }), headers: fc.record(headers, { requiredKeys: requiredHeaders }), body }) as fc.Arbitrary<Parts>;
}

/** Header values travel as Latin-1 without control characters (an HTTP client cannot send others); the rest is percent-encoded. */
function headerSafe(v: string): string {
  return /^[\x20-\x7e]*$/.test(v) ? v : encodeLoose(v);
}

// --- mutations: each takes valid parts and makes them invalid in one way ---

type Mutation = { name: string; apply: (p: Parts) => Parts };

/** Every place in a JSON value, as a path of keys. */
function placesOf(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => placesOf(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) placesOf(x, [...path, k], out);
  return out;
}

function setAt(v: unknown, path: (string | number)[], fn: (old: unknown) => unknown): unknown {
  if (!path.length) return fn(v);
  const [head, ...rest] = path;
  if (Array.isArray(v)) return v.map((x, i) => (i === head ? setAt(x, rest, fn) : x));
  const obj = { ...(v as Record<string, unknown>) };
  obj[head as string] = setAt(obj[head as string], rest, fn);
  return obj;
}

const DELETE = Symbol('delete');
function withoutDeleted(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== DELETE).map(withoutDeleted);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== DELETE).map(([k, x]) => [k, withoutDeleted(x)]));
  return v;
}

const MALFORMED_JSON: (string | Buffer)[] = [
  '{',
  '{"title": "空调',
  '{"a":1,}',
  "{'title': 'x'}",
  'null',
  '[]',
  '42',
  '""',
  ' ',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"x": 1}}}',
  '[' .repeat(5000) + ']'.repeat(5000),
  Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), // {"t":"<invalid UTF-8>"}
  Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), // BOM + {}
  Buffer.from('{"title":"\u0000"}', 'utf16le'),
];

const WRONG_CONTENT_TYPES = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/octet-stream', 'image/png', '*/*', ';;;'];

function mutations(op: Operation, p: Parts, pick: number, edge: unknown, str: string, date: string): Mutation[] {
  const out: Mutation[] = [];
  const jsonBody = p.body?.type === 'json' ? p.body.value : undefined;
  if (jsonBody !== undefined) {
    const places = placesOf(jsonBody);
    const at = places[pick % places.length];
    out.push({ name: `body ${at.join('.') || '(root)'} = edge value`, apply: (q) => ({ ...q, body: { type: 'json', value: setAt(jsonBody, at, () => edge) } }) });
    out.push({ name: `body ${at.join('.') || '(root)'} = edge string`, apply: (q) => ({ ...q, body: { type: 'json', value: setAt(jsonBody, at, () => str) } }) });
    out.push({ name: `body ${at.join('.') || '(root)'} = far date`, apply: (q) => ({ ...q, body: { type: 'json', value: setAt(jsonBody, at, () => date) } }) });
    const objects = places.filter((x) => { const v = x.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], jsonBody); return v && typeof v === 'object' && !Array.isArray(v); });
    if (objects.length) {
      const o = objects[pick % objects.length];
      out.push({ name: `body ${o.join('.') || '(root)'} + unknown field`, apply: (q) => ({ ...q, body: { type: 'json', value: setAt(jsonBody, o, (x) => ({ ...(x as object), unexpectedField: str })) } }) });
    }
    if (places.length > 1) {
      const d = places[1 + (pick % (places.length - 1))];
      out.push({ name: `body without ${d.join('.')}`, apply: (q) => ({ ...q, body: { type: 'json', value: withoutDeleted(setAt(jsonBody, d, () => DELETE)) } }) });
    }
    out.push({ name: 'body with the wrong content type', apply: (q) => ({ ...q, body: { type: 'raw', contentType: WRONG_CONTENT_TYPES[pick % WRONG_CONTENT_TYPES.length], payload: JSON.stringify(jsonBody) } }) });
    out.push({ name: 'JSON body without a content type', apply: (q) => ({ ...q, body: { type: 'raw', payload: JSON.stringify(jsonBody) } }) });
  }
  if (op.op.requestBody?.content['application/json'] || !op.op.requestBody) {
    out.push({ name: 'malformed JSON body', apply: (q) => ({ ...q, body: { type: 'raw', contentType: 'application/json', payload: MALFORMED_JSON[pick % MALFORMED_JSON.length] } }) });
  }
  if (op.op.requestBody?.content['application/json']) {
    out.push({ name: 'body over the size limit', apply: (q) => ({ ...q, body: { type: 'raw', contentType: 'application/json', payload: JSON.stringify({ title: 'x'.repeat(1_200_000) }) } }) });
    out.push({ name: 'no body', apply: (q) => ({ ...q, body: null }) });
  }
  if (p.body?.type === 'multipart') {
    const mp = p.body.value;
    const file = mp.files[0];
    const variants: [string, Multipart | ((boundary: string) => { contentType: string; payload: Buffer })][] = [
      ['multipart: file name with NUL', { ...mp, files: [{ ...file, filename: `a\u0000${file.filename}` }] }],
      ['multipart: file name edge string', { ...mp, files: [{ ...file, filename: str }] }],
      ['multipart: empty file', { ...mp, files: [{ ...file, content: '' }] }],
      ['multipart: file content with NUL and invalid UTF-8', { ...mp, files: [{ ...file, content: Buffer.concat([Buffer.from(String(file.content)), Buffer.from([0, 0xff, 0xfe, 0xc3, 0x28])]) }] }],
      ['multipart: two files', { ...mp, files: [file, file] }],
      ['multipart: no file', { ...mp, files: [] }],
      ['multipart: file under another name', { ...mp, files: [{ ...file, field: 'attachment' }] }],
      ['multipart: unknown field', { ...mp, fields: [...mp.fields, ['unexpectedField', str]] }],
      ['multipart: edge field value', { ...mp, fields: [['internal', str]] }],
      ['multipart: field given twice', { ...mp, fields: [['internal', 'true'], ['internal', 'false']] }],
      ['multipart: disallowed content type', { ...mp, files: [{ ...file, contentType: 'application/x-msdownload', filename: 'setup.exe' }] }],
      ['multipart: truncated', (b) => { const w = writeMultipart(mp, b); return { ...w, payload: w.payload.subarray(0, Math.max(10, w.payload.length - 40 - (pick % 60))) }; }],
      ['multipart: no closing boundary', (b) => { const w = writeMultipart(mp, b); return { ...w, payload: w.payload.subarray(0, w.payload.length - b.length - 6) }; }],
      ['multipart: boundary missing from the header', (b) => ({ ...writeMultipart(mp, b), contentType: 'multipart/form-data' })],
      ['multipart: another boundary in the header', (b) => ({ ...writeMultipart(mp, b), contentType: 'multipart/form-data; boundary=somethingelse' })],
      ['multipart: garbage', () => ({ contentType: 'multipart/form-data; boundary=x', payload: Buffer.from('--x\r\nContent-Disposition: form-data; name=\r\n\r\n\u0000\u0000--x') })],
    ];
    const [name, v] = variants[pick % variants.length];
    out.push({
      name,
      apply: (q) => ({ ...q, body: typeof v === 'function' ? { type: 'raw', ...v('fuzzboundary7MA4YWxk') } : { type: 'multipart', value: v } }),
    });
    out.push({ name: 'JSON sent to a multipart upload', apply: (q) => ({ ...q, body: { type: 'raw', contentType: 'application/json', payload: '{"file":"x"}' } }) });
  }
  const queryParams = (op.op.parameters ?? []).filter((x) => x.in === 'query');
  if (queryParams.length) {
    const qp = queryParams[pick % queryParams.length];
    out.push({ name: `query ${qp.name} = edge value`, apply: (q) => ({ ...q, query: { ...q.query, [qp.name]: edge } }) });
    out.push({ name: `query ${qp.name} = far date`, apply: (q) => ({ ...q, query: { ...q.query, [qp.name]: date } }) });
    out.push({ name: `query ${qp.name} given many times`, apply: (q) => ({ ...q, query: { ...q.query, [qp.name]: [str, str, '1'] } }) });
  }
  for (const h of (op.op.parameters ?? []).filter((x) => x.in === 'header')) {
    out.push({ name: `header ${h.name} = edge string`, apply: (q) => ({ ...q, headers: { ...q.headers, [h.name]: headerSafe(str) } }) });
    out.push({ name: `header ${h.name} = 1,000 characters`, apply: (q) => ({ ...q, headers: { ...q.headers, [h.name]: 'k'.repeat(1000) } }) });
  }
  out.push({ name: 'query with an unknown parameter', apply: (q) => ({ ...q, query: { ...q.query, unexpectedParam: str } }) });
  const pathParams = Object.keys(p.params);
  if (pathParams.length) {
    const name = pathParams[pick % pathParams.length];
    // an empty segment would be another route's URL (…/organizations/ is the list), so it stands as a space
    const segment = (v: string) => (v === '' ? ' ' : v);
    out.push({ name: `path ${name} = edge value`, apply: (q) => ({ ...q, params: { ...q.params, [name]: segment(String(edge)) } }) });
    out.push({ name: `path ${name} = edge string`, apply: (q) => ({ ...q, params: { ...q.params, [name]: segment(str) } }) });
  }
  return out;
}

function invalidParts(op: Operation, ctx: GenContext): fc.Arbitrary<{ parts: Parts; kind: string }> {
  return fc
    .record({ p: validParts(op, ctx), pick: fc.nat(), which: fc.nat(), edge: anyEdge(), str: edgeString(), date: farDate() })
    .map(({ p, pick, which, edge, str, date }) => {
      const all = mutations(op, p, pick, edge, str, date);
      const m = all[which % all.length];
      return { parts: m.apply(p), kind: m.name };
    });
}

// --- writing the request out ---

/** encodeURIComponent, except that a lone surrogate is written as the bytes a careless client sends (invalid UTF-8). */
export function encodeLoose(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return Array.from(s, (ch) => {
      const c = ch.charCodeAt(0);
      if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) return `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase();
      return encodeURIComponent(ch);
    }).join('');
  }
}

function queryString(query: Record<string, unknown>, repeatArrays: boolean): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    const text = (x: unknown) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x));
    if (Array.isArray(v)) {
      if (repeatArrays) for (const x of v) parts.push(`${encodeLoose(k)}=${encodeLoose(text(x))}`);
      else parts.push(`${encodeLoose(k)}=${encodeLoose(v.map(text).join(','))}`);
    } else parts.push(`${encodeLoose(k)}=${encodeLoose(text(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function writeMultipart(mp: Multipart, boundary: string): { contentType: string; payload: Buffer } {
  const chunks: Buffer[] = [];
  const part = (disposition: string, type: string | undefined, content: string | Buffer) => {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`, 'utf8'));
    chunks.push(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), Buffer.from('\r\n'));
  };
  for (const [k, v] of mp.fields) part(`form-data; name="${k}"`, undefined, v);
  for (const f of mp.files) part(`form-data; name="${f.field}"; filename="${f.filename.replace(/"/g, '%22')}"`, f.contentType, f.content);
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, payload: Buffer.concat(chunks) };
}

function write(op: Operation, parts: Parts, auth: Auth, kind: string, repeatArrays: boolean): FuzzRequest {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeLoose(parts.params[name] ?? ''));
  const req: FuzzRequest = { kind, auth, method: op.method, url: path + queryString(parts.query, repeatArrays), headers: { ...parts.headers } };
  const b = parts.body;
  if (b?.type === 'json') {
    req.headers['content-type'] = 'application/json';
    req.payload = JSON.stringify(b.value);
  } else if (b?.type === 'multipart') {
    const w = writeMultipart(b.value, 'fuzzboundary7MA4YWxk');
    req.headers['content-type'] = w.contentType;
    req.payload = w.payload;
  } else if (b?.type === 'raw') {
    if (b.contentType) req.headers['content-type'] = b.contentType;
    req.payload = b.payload;
  }
  return req;
}

const authArb: fc.Arbitrary<Auth> = fc.oneof({ weight: 12, arbitrary: fc.constant('admin' as const) }, { weight: 2, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constant('bogus' as const) });

/** Valid requests (about a third) and invalid ones, as the admin, anonymously or with a wrong token. */
export function requestArb(op: Operation, ctx: GenContext): fc.Arbitrary<FuzzRequest> {
  const valid = validParts(op, ctx).map((parts) => ({ parts, kind: 'valid' }));
  return fc
    .record({ v: fc.oneof({ weight: 1, arbitrary: valid }, { weight: 2, arbitrary: invalidParts(op, ctx) }), auth: authArb, repeat: fc.boolean() })
    .map(({ v, auth, repeat }) => write(op, v.parts, auth, v.kind, repeat));
}

