import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument, Operation } from './fuzz/openapi-document';
import { encodeLoose } from './fuzz/request-arbitrary';
import { responseChecker } from './fuzz/response-check';

// The fuzz test's judge on its own: what it accepts and what it reports.

const doc: OpenApiDocument = {
  openapi: '3.0.3',
  components: { schemas: { Thing: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, n: { type: 'integer' } }, required: ['id'], additionalProperties: false } } },
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          404: { content: { 'application/json': { schema: { type: 'object', required: ['error'] } } } },
        },
      },
      delete: { responses: { 204: { description: 'gone' } } },
    },
    '/files/{id}': { get: { responses: { 200: { content: { 'image/*': { schema: { type: 'string', format: 'binary' } } } } } } },
  },
};
const op = (method: string, path: string): Operation => ({ id: `${method} ${path}`, method, path, op: doc.paths[path][method.toLowerCase()] });
const res = (statusCode: number, body: string, contentType?: string) =>
  ({ statusCode, body, rawPayload: Buffer.from(body), headers: contentType ? { 'content-type': contentType } : {} }) as unknown as LightMyRequestResponse;
const check = responseChecker(doc);
const getThing = op('GET', '/things/{id}');

describe('the fuzz test judges responses by the document', () => {
  it('accepts a documented status, content type and body', () => {
    expect(check(getThing, res(200, '{"id":"01a24179-3d74-7000-8d5d-7d516c4ba5c1","n":3}', 'application/json; charset=utf-8'))).toBeNull();
    expect(check(op('DELETE', '/things/{id}'), res(204, ''))).toBeNull();
    expect(check(op('GET', '/files/{id}'), res(200, 'PNG…', 'image/png'))).toBeNull();
  });

  it('reports a server error, an undocumented status or content type, and a body where none is documented', () => {
    expect(check(getThing, res(500, '{}', 'application/json'))).toMatch(/server error 500/);
    expect(check(getThing, res(400, '{"error":{}}', 'application/json'))).toMatch(/status 400 is not documented/);
    expect(check(getThing, res(200, 'id=1', 'text/plain'))).toMatch(/content type "text\/plain" is not documented/);
    expect(check(op('GET', '/files/{id}'), res(200, '%PDF', 'application/pdf'))).toMatch(/content type "application\/pdf"/);
    expect(check(op('DELETE', '/things/{id}'), res(204, '{"ok":true}', 'application/json'))).toMatch(/lists no content/);
    expect(check(getThing, res(200, '', 'application/json'))).toMatch(/empty body/);
  });

  it('reports a JSON body that breaks its schema, through $refs', () => {
    expect(check(getThing, res(200, '{"id":"not-a-uuid"}', 'application/json'))).toMatch(/breaks its schema: .*format "uuid"/);
    expect(check(getThing, res(200, '{"id":"01a24179-3d74-7000-8d5d-7d516c4ba5c1","extra":1}', 'application/json'))).toMatch(/additional properties/);
    expect(check(getThing, res(404, '{}', 'application/json'))).toMatch(/required property 'error'/);
    expect(check(getThing, res(200, '{"id":', 'application/json'))).toMatch(/not JSON/);
  });

  it('writes a lone surrogate in a URL as the invalid UTF-8 a careless client sends', () => {
    expect(encodeLoose('a\ud800b')).toBe('a%ED%A0%80b');
    expect(encodeLoose('工单 1')).toBe('%E5%B7%A5%E5%8D%95%201');
  });
});
