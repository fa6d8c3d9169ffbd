// Identity & access: tenants, users and roles, teams, sessions and API keys.
// Other modules use only this surface.
export type { Actor, Role, Scope } from './actor';
export { ROLES, SCOPES, isStaff, isManager, effectiveScope, systemActor } from './actor';
export { requireRole, STAFF } from './require-role';
export type { UserRow } from './user-repository';
export { activeUsersWithRoles, userAccount, userById, usersByIds, usersByIdsOrEmails, userAssignability, staffIdsByEmails, activeStaffIds, peopleNames, listTeamNames, teamExists, moveContactSignIns, tenantSummaries } from './read-people';
export type { UserProfile } from './read-people';
export { createTenant } from './create-tenant';
export type { CreateTenantInput } from './create-tenant';
export { createApiKey } from './manage-api-keys';
export { createUser } from './manage-users';
export { createTeam } from './manage-teams';
export { authenticate } from './authenticate';
export { canonicalTimeZone } from './tenant-settings';
export { tenantTimeZone } from './tenant-time-zone';
export { teamNames } from './read-team-names';
export { tenantIds } from './read-tenant-ids';
export { tenantIdBySlug, tenantSlug, soleTenantId, tenantBySlug } from './read-tenants';
export { userSummary, userNames, activeStaffMember, firstActiveAdminId, hasUsersBesidesAdmins } from './read-users';
export type { UserSummary } from './read-users';
export { bootstrapFirstTenant } from './bootstrap-first-tenant';
