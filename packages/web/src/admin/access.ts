import type { Me } from '../api/types';

// What each part of administration offers to whom (the server decides; the console offers only what it allows).
export type AdminSection = 'users' | 'teams' | 'categories' | 'ticket-types' | 'reply-templates' | 'dispatch' | 'calendars' | 'sla' | 'satisfaction' | 'automation' | 'delivery' | 'channels' | 'intake' | 'intelligence' | 'imports' | 'device-keys' | 'maintenance' | 'api-keys' | 'tenant' | 'kb-stats' | 'portal';
export const ADMIN_SECTIONS: AdminSection[] = ['users', 'teams', 'categories', 'ticket-types', 'reply-templates', 'dispatch', 'calendars', 'sla', 'satisfaction', 'automation', 'delivery', 'channels', 'intake', 'intelligence', 'imports', 'device-keys', 'maintenance', 'api-keys', 'tenant', 'kb-stats', 'portal'];

// supervisors see channels, the intake archive, the classifiers and devices read-only (no changes, no retry, no retraining)
// and manage reply templates and dispatch (skill matrix, outlets, rules, policies), read business calendars and SLA policies and settings; device keys and imports are admins' only
const SUPERVISOR_SEES: AdminSection[] = ['users', 'teams', 'categories', 'ticket-types', 'reply-templates', 'dispatch', 'calendars', 'sla', 'satisfaction', 'automation', 'channels', 'intake', 'intelligence', 'maintenance', 'kb-stats'];

export const canSeeAdmin = (me: Me) => me.role === 'admin' || me.role === 'supervisor';
export const sectionsFor = (me: Me): AdminSection[] => (me.role === 'admin' ? ADMIN_SECTIONS : me.role === 'supervisor' ? SUPERVISOR_SEES : []);
export const isAdmin = (me: Me) => me.role === 'admin';
/** Supervisors may change a team's members and description; only admins create teams. */
export const canEditTeams = (me: Me) => me.role === 'admin' || me.role === 'supervisor';
