import { TabbedAdmin } from '../tabbed-admin';

// Administration › 智能派单: the skill matrix, outlets, rules and policies, each its own lazily loaded page.

export const DISPATCH_PAGES = ['skills', 'outlets', 'rules', 'policies'] as const;

export default function DispatchAdmin() {
  return <TabbedAdmin section="dispatch" pages={DISPATCH_PAGES} labels="dispatch.tabs" />;
}
