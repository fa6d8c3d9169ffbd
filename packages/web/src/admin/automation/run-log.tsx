import { Alert, Drawer, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../common/api-errors';
import { CloseIcon } from '../../common/quiet-icons';
import { formatDateTime } from '../../i18n/format';
import { AUTOMATION_KEYS, automationApi } from './automation-api';
import type { Rule, Run } from './automation-types';
import { actionWords, dropReason, failureWords } from './automation-events';

// 执行记录: when the rule ran on which ticket, and how it went — applied (what it did), dropped by the
// loop guard, or failed (which action, why).

const COLOR = { applied: 'green', dropped: 'orange', failed: 'red' } as const;

export function runDetail(run: Run, t: Parameters<typeof dropReason>[1]): string {
  const d = run.detail ?? {};
  if (run.outcome === 'applied') return Array.isArray(d.actions) ? actionWords(d.actions as never[], t) : '';
  if (run.outcome === 'dropped') return dropReason(d.reason, t);
  // failed: {actions (done), failed: [{type, reason}], reason}
  const failed = (Array.isArray(d.failed) ? d.failed : [{ type: d.action, reason: d.reason ?? d.error }]) as { type?: unknown; reason?: unknown }[];
  return failed
    .map((f) => {
      const action = typeof f.type === 'string' ? t(`automation.action.${f.type}`, { defaultValue: f.type }) : '';
      const reason = failureWords(f.reason, t);
      return action && reason ? t('automation.runs.failedDetail', { action, reason }) : action || reason;
    })
    .join(t('automation.timeline.separator'));
}

export function RunLog({ rule, onClose }: { rule: Rule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const runs = useQuery({ queryKey: AUTOMATION_KEYS.runs(rule?.id ?? ''), queryFn: () => automationApi.runs(rule!.id), enabled: !!rule });
  return (
    <Drawer open={!!rule} onClose={onClose} size={720} title={t('automation.runs.title', { name: rule?.name ?? '' })} destroyOnHidden closeIcon={<CloseIcon />}>
      <div data-testid="run-log">
        {runs.error && <Alert type="error" showIcon title={errorMessage(runs.error, t)} />}
        <Table<Run>
          rowKey={(r) => `${r.ticketId}|${r.runKey}`}
          size="small"
          pagination={false}
          loading={runs.isLoading}
          dataSource={runs.data?.items ?? []}
          locale={{ emptyText: t('automation.runs.empty') }}
          onRow={(r) => ({ 'data-testid': `run-${r.outcome}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'time', title: t('automation.runs.time'), width: 150, render: (_, r) => formatDateTime(r.createdAt) },
            { key: 'ticket', title: t('automation.runs.ticket'), width: 90, render: (_, r) => <Link to={`/tickets/${r.ticketId}`}>{t('automation.runs.ticket')}</Link> },
            { key: 'outcome', title: t('automation.runs.outcome'), width: 120, render: (_, r) => <Tag color={COLOR[r.outcome]}>{t(`automation.runs.outcomes.${r.outcome}`)}</Tag> },
            { key: 'detail', title: t('automation.runs.detail'), render: (_, r) => runDetail(r, t) },
          ]}
        />
      </div>
    </Drawer>
  );
}
