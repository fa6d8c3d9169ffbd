// `npm run api:types`: writes the web console's API types from the OpenAPI document the server builds
// from its zod schemas (no server started, no database). A test (test/platform/api-types.test.ts)
// regenerates them in memory and fails while the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '../src/openapi-document';

export const API_TYPES_FILE = fileURLToPath(new URL('../../web/src/api/schema.d.ts', import.meta.url));

const HEADER = `${COMMENT_HEADER.trimEnd()}\n// Generated from the server's OpenAPI document (/api/openapi.json): run \`npm run api:types\`.\n\n`;

/** The text of packages/web/src/api/schema.d.ts as the server's schemas are now. */
export async function apiTypesSource(): Promise<string> {
  const doc = await openApiDocument();
  const ast = await openapiTS(doc as unknown as OpenAPI3, { silent: true });
  return HEADER + astToString(ast);
}

export function committedApiTypes(): string {
  try {
    return readFileSync(API_TYPES_FILE, 'utf8');
  } catch {
    return '';
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const source = await apiTypesSource();
  if (source === committedApiTypes()) console.log(`${API_TYPES_FILE}: up to date`);
  else {
    writeFileSync(API_TYPES_FILE, source);
    console.log(`${API_TYPES_FILE}: written`);
  }
}
