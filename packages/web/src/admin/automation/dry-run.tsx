import { Alert, Modal, Spin, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../common/api-errors';
import { CloseIcon } from '../../common/quiet-icons';
import { automationApi } from './automation-api';
import type { RuleBody } from './automation-types';

// 试运行: the open tickets a rule (as it is in the editor, saved or not) would match now. Changes nothing.

export function DryRunModal({ rule, onClose }: { rule: RuleBody | null; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useQuery({ queryKey: ['automation', 'dry-run', rule], queryFn: () => automationApi.dryRun(rule!), enabled: !!rule, gcTime: 0 });
  return (
    <Modal open={!!rule} title={t('automation.dryRun.title', { name: rule?.name ?? '' })} onCancel={onClose} footer={null} width={640} destroyOnHidden closeIcon={<CloseIcon />}>
      <div data-testid="dry-run">
        <Typography.Paragraph type="secondary">{t('automation.dryRun.hint')}</Typography.Paragraph>
        {run.isLoading && <Spin />}
        {run.error && <Alert type="error" showIcon title={errorMessage(run.error, t)} data-testid="dry-run-error" />}
        {run.data && (
          <>
            <Typography.Paragraph strong data-testid="dry-run-result">
              {t('automation.dryRun.result', { checked: run.data.checked, total: run.data.total })}
            </Typography.Paragraph>
            {run.data.matched.length ? (
              <Table
                rowKey="ticketId"
                size="small"
                pagination={false}
                dataSource={run.data.matched}
                columns={[
                  { key: 'number', title: t('automation.dryRun.number'), width: 100, render: (_, m) => <Link to={`/tickets/${m.number}`}>#{m.number}</Link> },
                  { key: 'title', title: t('automation.dryRun.title_'), dataIndex: 'title' },
                ]}
                onRow={(m) => ({ 'data-testid': `dry-run-ticket-${m.number}` }) as React.HTMLAttributes<HTMLElement>}
              />
            ) : (
              <Typography.Text type="secondary">{t('automation.dryRun.none')}</Typography.Text>
            )}
            {run.data.total > run.data.matched.length && <Typography.Paragraph type="secondary">{t('automation.dryRun.shown', { count: run.data.matched.length })}</Typography.Paragraph>}
          </>
        )}
      </div>
    </Modal>
  );
}
