import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SLA_KEYS, slaApi } from '../../sla/sla-api';

// 正在按新策略重算…: after a policy or settings change the server recomputes the open tickets' clocks in
// the background; while it runs, the page says so and how far it is (read again every 2 s).

export function RecomputeNotice({ changed }: { changed: unknown }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: SLA_KEYS.recompute, queryFn: slaApi.recompute, refetchInterval: (query) => (query.state.data?.state === 'running' ? 2000 : false) });
  const { refetch } = q;
  // the policies were read again (a save, a reorder, a delete): a new pass may have started
  useEffect(() => {
    void refetch();
  }, [changed, refetch]);
  const r = q.data;
  if (r?.state !== 'running') return null;
  return <Alert type="info" showIcon data-testid="sla-recompute-notice" title={t('sla.admin.policies.recomputing', { total: r.ticketsTotal, done: r.ticketsDone })} />;
}
