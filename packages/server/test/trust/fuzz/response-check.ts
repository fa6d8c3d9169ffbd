import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import type { OpenApiDocument, Operation } from './openapi-document';

// Does a response tell the truth the document tells? Its status is listed for the operation, its content
// type is one listed for that status, and a JSON body matches the listed schema.

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const pointer = (...keys: string[]) => keys.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function mediaMatches(listed: string, actual: string): boolean {
  if (listed === '*/*' || listed === actual) return true;
  return listed.endsWith('/*') && actual.startsWith(listed.slice(0, -1));
}

export function responseChecker(doc: OpenApiDocument) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema(doc as object, 'openapi');
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (op: Operation, status: string, media: string) => {
    const ref = `openapi#/${pointer('paths', op.path, op.method.toLowerCase(), 'responses', status, 'content', media, 'schema')}`;
    let v = validators.get(ref);
    if (!v) {
      v = ajv.getSchema(ref);
      if (!v) throw new Error(`no schema at ${ref}`);
      validators.set(ref, v);
    }
    return v;
  };

  /** What is wrong with the response, or null. */
  return (op: Operation, res: LightMyRequestResponse): string | null => {
    if (res.statusCode >= 500) return `server error ${res.statusCode}`;
    const responses = op.op.responses;
    const status = String(res.statusCode);
    const listedStatus = status in responses ? status : `${status[0]}XX` in responses ? `${status[0]}XX` : 'default' in responses ? 'default' : null;
    if (!listedStatus) return `status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`;
    const content = responses[listedStatus].content ?? {};
    const listedTypes = Object.keys(content);
    const hasBody = res.rawPayload.length > 0;
    if (!hasBody) return listedTypes.length && res.statusCode !== 204 && res.statusCode !== 304 ? `empty body, documented as ${listedTypes.join(', ')}` : null;
    const actual = String(res.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!listedTypes.length) return `a ${status} body (${actual || 'no content type'}) where the document lists no content`;
    const listed = listedTypes.find((t) => mediaMatches(t.toLowerCase(), actual));
    if (!listed) return `content type "${actual}" is not documented for ${status} (documented: ${listedTypes.join(', ')})`;
    if (!/[/+]json$/.test(actual)) return null;
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      return `the ${status} body is not JSON: ${res.body.slice(0, 200)}`;
    }
    if (!content[listed].schema) return null;
    const validate = validatorFor(op, listedStatus, listed);
    if (validate(body)) return null;
    return `the ${status} body breaks its schema: ${ajv.errorsText(validate.errors, { dataVar: 'body' }).slice(0, 600)}`;
  };
}
