import { TabbedAdmin } from '../tabbed-admin';

// Administration › SLA: SLA 策略 (policies) and SLA 设置 (settings), each its own lazily loaded page.

export const SLA_PAGES = ['policies', 'settings'] as const;

export default function SlaAdmin() {
  return <TabbedAdmin section="sla" pages={SLA_PAGES} labels="sla.admin.tabs" />;
}
