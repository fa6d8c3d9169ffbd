// Operator: platform administration above the tenants (the CLI and /api/v1/operator/*).
// Other modules use only this surface.
export { provisionTenant } from './provision-tenant';
export type { ProvisionTenantInput, ProvisionedTenant } from './provision-tenant';
export { listTenants } from './list-tenants';
export type { TenantSummary } from './list-tenants';
export { checkOperatorToken } from './operator-token';
