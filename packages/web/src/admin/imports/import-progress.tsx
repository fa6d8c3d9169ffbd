import { ExperimentOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isFinished, type ImportJob, type ImportRowError } from '../../api/import-types';
import { intelApi } from '../../api/intelligence-endpoints';
import { errorMessage } from '../../common/api-errors';
import { formatNumber } from '../../i18n/format';
import { INTEL_MODELS } from '../intelligence/intel-query';
import { ImportStateTag } from './import-state-tag';
import { fieldLabel, rowErrorText } from './row-error-text';

const MAX_LISTED = 200;

/**
 * One import job as last asked for (the page asks again until it is done): a progress bar, the counts,
 * the failed rows, the last ask's error while it is not done and, once done, training the models and
 * the ticket list.
 */
export function ImportProgress({ job, pollError }: { job: ImportJob; pollError: unknown }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const train = useMutation({
    mutationFn: intelApi.train,
    onSuccess: (models) => {
      queryClient.setQueryData(INTEL_MODELS, models);
      message.success(t('imports.progress.trained'));
    },
    onError: (err) => void message.error(errorMessage(err, t)),
  });
  const training = train.isPending;

  const percent = job.totalRows ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;
  const n = (v: number) => formatNumber(v);
  return (
    <Card
      size="small"
      title={t('imports.progress.title', { name: job.fileName })}
      extra={<ImportStateTag state={job.state} />}
      data-testid="import-progress"
      data-state={job.state}
    >
      <Flex vertical gap={12}>
        <div>
          <Progress
            percent={job.state === 'done' ? 100 : percent}
            status={job.state === 'failed' ? 'exception' : job.state === 'done' ? 'success' : 'active'}
            data-testid="import-progress-bar"
          />
          <Typography.Text type="secondary" data-testid="import-progress-rows">
            {job.state === 'queued' ? t('imports.progress.queued', { total: n(job.totalRows) }) : t('imports.progress.rows', { processed: n(job.processedRows), total: n(job.totalRows) })}
          </Typography.Text>
        </div>
        <Row gutter={16}>
          <Col span={8}>
            <Statistic title={t('imports.progress.created')} value={job.created} formatter={(v) => <span data-testid="import-created">{n(Number(v))}</span>} />
          </Col>
          <Col span={8}>
            <Statistic title={t('imports.progress.exists')} value={job.exists} formatter={(v) => <span data-testid="import-exists">{n(Number(v))}</span>} />
          </Col>
          <Col span={8}>
            <Statistic
              title={t('imports.progress.failed')}
              value={job.failed}
              styles={{ content: job.failed ? { color: '#cf1322' } : undefined }}
              formatter={(v) => <span data-testid="import-failed">{n(Number(v))}</span>}
            />
          </Col>
        </Row>
        {pollError != null && !isFinished(job) && <Alert type="warning" showIcon title={t('imports.progress.pollError', { error: errorMessage(pollError, t) })} data-testid="import-poll-error" />}
        {job.state === 'failed' && <Alert type="error" showIcon title={t('imports.progress.failedJob', { error: job.error ?? '' })} data-testid="import-job-error" />}
        {job.state === 'done' && (
          <Alert
            type={job.failed ? 'warning' : 'success'}
            showIcon
            title={t('imports.progress.done', { created: n(job.created), exists: n(job.exists), failed: n(job.failed) })}
            data-testid="import-done"
            action={
              <Space wrap>
                {job.created > 0 && (
                  <Button type="primary" icon={<ExperimentOutlined aria-hidden />} loading={training} onClick={() => train.mutate()} data-testid="import-train">
                    {training ? t('imports.progress.training') : t('imports.progress.train')}
                  </Button>
                )}
                <Link to="/tickets" data-testid="import-tickets-link">
                  <Button icon={<UnorderedListOutlined aria-hidden />}>{t('imports.progress.tickets')}</Button>
                </Link>
              </Space>
            }
          />
        )}
        {job.errors.length > 0 && <FailedRows errors={job.errors} failed={job.failed} />}
      </Flex>
    </Card>
  );
}

function FailedRows({ errors, failed }: { errors: ImportRowError[]; failed: number }) {
  const { t } = useTranslation();
  return (
    <div data-testid="import-errors">
      <Typography.Title level={5}>{t('imports.errors.title')}</Typography.Title>
      {failed > errors.length && (
        <Typography.Paragraph type="secondary" data-testid="import-errors-more">
          {t('imports.errors.more', { shown: Math.min(errors.length, MAX_LISTED), failed: formatNumber(failed) })}
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey="row"
        dataSource={errors}
        pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        columns={[
          { title: t('imports.errors.row'), dataIndex: 'row', width: 80 },
          { title: t('imports.errors.externalId'), dataIndex: 'externalId', width: 140, render: (v: string | null) => v ?? '—' },
          { title: t('imports.errors.field'), dataIndex: 'field', width: 120, render: (v?: string) => (v ? <Tag title={v}>{fieldLabel(v, t)}</Tag> : '—') },
          { title: t('imports.errors.message'), key: 'message', render: (_, r: ImportRowError) => <RowErrorMessage error={r} /> },
        ]}
        onRow={(r) => ({ 'data-testid': `import-error-${r.row}` }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}

/** What is wrong with the row in the interface language, the server's own (English) message under it. */
function RowErrorMessage({ error }: { error: ImportRowError }) {
  const { t } = useTranslation();
  const text = rowErrorText(error, t);
  return (
    <Flex vertical>
      <span data-testid="import-error-text">{text}</span>
      {text !== error.message && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="import-error-message">
          {error.message}
        </Typography.Text>
      )}
    </Flex>
  );
}
