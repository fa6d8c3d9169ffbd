import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJobSummary } from '../../api/import-types';
import { formatBytes, formatDateTime, formatNumber } from '../../i18n/format';
import { ImportStateTag } from './import-state-tag';

/** The tenant's earlier imports, newest first; one is opened to see its progress and failed rows. */
export function ImportHistory({ jobs, onOpen }: { jobs: ImportJobSummary[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('imports.history.title')} data-testid="import-history">
      <Table
        size="small"
        rowKey="id"
        dataSource={jobs}
        pagination={false}
        locale={{ emptyText: t('imports.history.empty') }}
        onRow={(j) => ({ 'data-testid': `import-job-${j.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('imports.history.file'), dataIndex: 'fileName', render: (name: string, j) => `${name} (${formatBytes(j.fileSize)})` },
          { title: t('imports.history.at'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('imports.history.by'), dataIndex: ['createdBy', 'name'], width: 120 },
          { title: t('imports.history.state'), dataIndex: 'state', width: 100, render: (s: ImportJobSummary['state']) => <ImportStateTag state={s} /> },
          {
            title: t('imports.history.counts'),
            key: 'counts',
            width: 170,
            render: (_: unknown, j) => <span data-testid="import-job-counts">{[j.created, j.exists, j.failed].map((v) => formatNumber(v)).join(' / ')}</span>,
          },
          {
            key: 'open',
            width: 80,
            render: (_: unknown, j) => (
              <Button size="small" type="link" onClick={() => onOpen(j.id)} data-testid="import-job-open">
                {t('imports.history.open')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
