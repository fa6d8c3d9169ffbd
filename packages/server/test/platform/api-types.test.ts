import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource, committedApiTypes } from '../../tools/api-types';
import { openApiDocument } from '../../src/openapi-document';

// no database is involved: checked once, in the PGlite run
describe.skipIf(process.env.GONGDAN_TEST_DB === 'postgres')("the web console's API types", () => {
  it('are generated from the OpenAPI document as the server builds it now (run npm run api:types)', async () => {
    const fresh = await apiTypesSource();
    const committed = committedApiTypes();
    if (fresh !== committed) {
      const a = fresh.split('\n');
      const b = committed.split('\n');
      let line = 0;
      while (line < a.length && a[line] === b[line]) line++;
      expect.fail(
        `${API_TYPES_FILE} is stale: the server's OpenAPI document has changed since it was generated. ` +
          `Run \`npm run api:types\` and commit the result.\n` +
          `First difference at line ${line + 1}:\n  committed: ${b[line] ?? '(end of file)'}\n  generated: ${a[line] ?? '(end of file)'}`,
      );
    }
  });

  it('come from a document without timestamps whose paths and schemas are sorted', async () => {
    const doc = (await openApiDocument()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    const paths = Object.keys(doc.paths);
    const schemas = Object.keys(doc.components.schemas);
    expect(paths).toContain('/api/v1/tickets/{id}');
    expect(schemas).toContain('Ticket');
    expect(paths).toEqual([...paths].sort());
    expect(schemas).toEqual([...schemas].sort());
    // the same document twice: nothing in it depends on when or how often it is built
    expect(JSON.stringify(await openApiDocument())).toBe(JSON.stringify(doc));
  });
});
