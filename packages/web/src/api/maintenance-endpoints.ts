import { api } from './client';
import type { Answer, Body, Schema } from './contract';

// 维保合同, 保养计划 and 预测性维护 (telemetry rules and incidents): the maintenance administration.

export type Contract = Schema<'MaintenanceContract'>;
export type ContractInput = Body<'/api/v1/contracts', 'post'>;
export type ContractList = Answer<'/api/v1/contracts', 'get'>;
export type Plan = Schema<'PreventivePlan'>;
export type PlanInput = Body<'/api/v1/plans', 'post'>;
export type TelemetryRule = Schema<'TelemetryRule'>;
export type TelemetryRuleInput = Body<'/api/v1/telemetry/rules', 'post'>;
export type TelemetryIncident = Schema<'TelemetryIncident'>;

export const MAINTENANCE_KEYS = {
  contracts: (expiring: boolean) => ['admin', 'maintenance', 'contracts', expiring] as const,
  plans: ['admin', 'maintenance', 'plans'] as const,
  rules: ['admin', 'maintenance', 'telemetry-rules'] as const,
  incidents: ['admin', 'maintenance', 'telemetry-incidents'] as const,
};

export const maintenanceApi = {
  contracts: (expiring: boolean) => api.get<ContractList>('/contracts', expiring ? { expiring: 'true' } : {}),
  createContract: (body: ContractInput) => api.post<Contract>('/contracts', body),
  updateContract: (id: string, body: ContractInput) => api.put<Contract>(`/contracts/${id}`, body),
  deleteContract: (id: string) => api.delete<void>(`/contracts/${id}`),
  plans: () => api.get<{ items: Plan[] }>('/plans'),
  createPlan: (body: PlanInput) => api.post<Plan>('/plans', body),
  deletePlan: (id: string) => api.delete<void>(`/plans/${id}`),
  rules: () => api.get<{ items: TelemetryRule[] }>('/telemetry/rules'),
  createRule: (body: TelemetryRuleInput) => api.post<TelemetryRule>('/telemetry/rules', body),
  deleteRule: (id: string) => api.delete<void>(`/telemetry/rules/${id}`),
  incidents: () => api.get<{ items: TelemetryIncident[] }>('/telemetry/incidents', { state: 'open' }),
};
