// The database port: one PostgreSQL dialect, two adapters (embedded PGlite, real PostgreSQL).
// Tenant work runs as a non-superuser role with app.tenant_id set for the transaction, so row-level
// security rejects any row of another tenant; system work (sign-in lookups, tenant creation,
// outbox dispatch) runs as the owning role.
export interface Queryable {
  query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface OwnerQueryable extends Queryable {
  /** A multi-statement script without parameters. */
  script(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** A transaction under row-level security for one tenant. */
  tenant<T>(tenantId: string, fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** A transaction as the owner role, not bound to a tenant. Only for cross-tenant platform work. */
  system<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** A transaction as the owner on a connection outside the pool (migrations, schema changes). */
  owner<T>(fn: (q: OwnerQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function tenantPrelude(tenantId: string): string {
  if (!UUID.test(tenantId)) throw new Error(`invalid tenant id ${tenantId}`);
  return `SELECT set_config('app.tenant_id', '${tenantId}', true)`;
}

export const SYSTEM_PRELUDE = `SET LOCAL ROLE NONE; SELECT set_config('app.tenant_id', '', true)`;

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}
