import { buildApp, makeDeps } from './app';
import { loadConfig } from './platform/config';
import type { Database } from './platform/db/database';

const noDatabase = (): never => {
  throw new Error('the OpenAPI document is built without a database');
};

/** A database no route may use: building the app only registers routes, it runs none. */
const NO_DATABASE: Database = { kind: 'pglite', query: noDatabase, tenant: noDatabase, system: noDatabase, owner: noDatabase, close: async () => {} };

/** Object keys in code-point order, so the document does not depend on the order routes were added. */
function sortKeys<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]])) as T;
}

/**
 * The OpenAPI document the server answers at /api/openapi.json, built in-process from the routes' zod
 * schemas: no port, no database. Paths, their methods and the named schemas are sorted.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const app = await buildApp(config, makeDeps(config, NO_DATABASE));
  try {
    await app.ready();
    const doc = structuredClone(app.swagger()) as unknown as Record<string, unknown> & {
      paths?: Record<string, Record<string, unknown>>;
      components?: { schemas?: Record<string, unknown> };
    };
    if (doc.paths) doc.paths = sortKeys(Object.fromEntries(Object.entries(doc.paths).map(([p, ops]) => [p, sortKeys(ops)])));
    if (doc.components?.schemas) doc.components.schemas = sortKeys(doc.components.schemas);
    return doc;
  } finally {
    await app.close();
  }
}
