import { TabbedAdmin } from '../tabbed-admin';

// Administration › 维保: 维保合同 (contracts), 保养计划 (preventive plans) and 预测性维护 (telemetry rules
// and the work orders they opened), each its own lazily loaded page.

export const MAINTENANCE_PAGES = ['contracts', 'plans', 'telemetry'] as const;

export default function MaintenanceAdmin() {
  return <TabbedAdmin section="maintenance" pages={MAINTENANCE_PAGES} labels="maintenance.tabs" />;
}
