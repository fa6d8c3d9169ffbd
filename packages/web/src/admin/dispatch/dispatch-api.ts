import { api } from '../../api/client';
import type { Body, Schema } from '../../api/contract';

// The dispatch settings API (profiles, skill matrix, outlets, rules, policies) as the console calls it.

export type DispatchProfile = Schema<'DispatchProfile'>;
export type DispatchStatus = DispatchProfile['status'];
export type Outlet = Schema<'DispatchOutlet'>;
export type DispatchRule = Schema<'DispatchRule'>;
/** a rule as saved, with warnings on the requirements nobody meets */
export type DispatchRuleSaved = Schema<'DispatchRuleSaved'>;
export type RuleWarning = Schema<'DispatchRuleWarning'>;
export type DispatchVocabulary = Schema<'DispatchVocabulary'>;
export type DispatchPolicy = Schema<'DispatchPolicy'>;
export type SkillImportResult = Schema<'SkillMatrixImportResult'>;
export type SkillChange = Body<'/api/v1/dispatch/skill-matrix', 'patch'>['changes'][number];
export type ProfileBody = Body<'/api/v1/dispatch/profiles/{userId}', 'put'>;
export type OutletBody = Body<'/api/v1/dispatch/outlets', 'post'>;
export type RuleBody = Body<'/api/v1/dispatch/rules', 'post'>;
export type PolicyBody = Body<'/api/v1/dispatch/policies', 'put'>;
export type CustomerPreference = Schema<'DispatchCustomerPreference'>;
export type PreferenceOwner = { contactId: string } | { organizationId: string };

export const DISPATCH_KEYS = {
  profiles: ['dispatch', 'profiles'] as const,
  outlets: ['dispatch', 'outlets'] as const,
  rules: ['dispatch', 'rules'] as const,
  policies: ['dispatch', 'policies'] as const,
  vocabulary: ['dispatch', 'vocabulary'] as const,
  me: (id: string) => ['dispatch', 'profile', id] as const,
  preferences: (owner: PreferenceOwner) => ['dispatch', 'preferences', owner] as const,
};

export const dispatchApi = {
  profiles: () => api.get<{ items: DispatchProfile[] }>('/dispatch/profiles'),
  profile: (userId: string) => api.get<DispatchProfile>(`/dispatch/profiles/${userId}`),
  putProfile: (userId: string, body: ProfileBody) => api.put<DispatchProfile>(`/dispatch/profiles/${userId}`, body),
  patchSkills: (changes: SkillChange[]) => api.patch<{ updated: number }>('/dispatch/skill-matrix', { changes }),
  /** dryRun: what would be written and what fails, nothing written (the 预览 step) */
  importSkills: (file: File, opts: { dryRun?: boolean } = {}) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.post<SkillImportResult>(`/dispatch/skill-matrix/import${opts.dryRun ? '?dryRun=true' : ''}`, form);
  },
  setMyStatus: (status: DispatchStatus) => api.put<{ status: DispatchStatus; statusAt: string }>('/me/dispatch-status', { status }),
  outlets: () => api.get<{ items: Outlet[] }>('/dispatch/outlets'),
  createOutlet: (body: OutletBody) => api.post<Outlet>('/dispatch/outlets', body),
  updateOutlet: (id: string, body: Partial<OutletBody>) => api.patch<Outlet>(`/dispatch/outlets/${id}`, body),
  deleteOutlet: (id: string) => api.delete<void>(`/dispatch/outlets/${id}`),
  rules: () => api.get<{ items: DispatchRule[] }>('/dispatch/rules'),
  createRule: (body: RuleBody) => api.post<DispatchRuleSaved>('/dispatch/rules', body),
  updateRule: (id: string, body: Partial<RuleBody>) => api.patch<DispatchRuleSaved>(`/dispatch/rules/${id}`, body),
  /** the values the tenant's active people hold, with how many hold each (the pick lists of the rule and profile forms) */
  vocabulary: () => api.get<DispatchVocabulary>('/dispatch/vocabulary'),
  deleteRule: (id: string) => api.delete<void>(`/dispatch/rules/${id}`),
  reorderRules: (ids: string[]) => api.post<{ items: DispatchRule[] }>('/dispatch/rules/reorder', { ids }),
  policies: () => api.get<{ items: DispatchPolicy[] }>('/dispatch/policies'),
  putPolicy: (body: PolicyBody) => api.put<DispatchPolicy>('/dispatch/policies', body),
  preferences: (owner: PreferenceOwner) => api.get<CustomerPreference>('/dispatch/customer-preferences', owner),
  putPreferences: (owner: PreferenceOwner, lists: { preferredUserIds: string[]; excludedUserIds: string[] }) =>
    api.put<CustomerPreference>('/dispatch/customer-preferences', { ...owner, ...lists }),
  deletePolicy: (scope: DispatchPolicy['scope'], scopeId: string | null) => api.delete<void>('/dispatch/policies', { scope, ...(scopeId ? { scopeId } : {}) }),
};
