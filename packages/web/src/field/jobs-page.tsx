import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoading } from '../common/page-loading';
import { fieldApi, type Job } from './field-api';
import { useLiveMessages } from '../common/live-context';
import { SlaCountdown } from './sla-countdown';
import { JOB_RECHECK_MS, touchesJob } from './taken-away';
import { useOnSent } from './use-field-queue';

/** 我的工单: today's jobs in route order, then the upcoming ones. */
export default function JobsPage() {
  const { t } = useTranslation();
  // a job given to someone else (or back to dispatch) leaves the list: read again on a live word, on focus and every 30 s
  const q = useQuery({ queryKey: ['field', 'jobs'], queryFn: () => fieldApi.jobs(), refetchOnWindowFocus: true, refetchInterval: JOB_RECHECK_MS });
  useOnSent(() => void q.refetch());
  useLiveMessages((m) => {
    if (touchesJob(m, null)) void q.refetch();
  });
  if (q.isLoading) return <PageLoading />;
  if (q.error || !q.data) return <Alert type="error" message={t('fieldApp.loadFailed')} />;
  const { jobs, upcoming } = q.data;
  return (
    <div data-testid="field-jobs">
      <Typography.Title level={5}>{t('fieldApp.today', { n: jobs.length })}</Typography.Title>
      {jobs.length ? jobs.map((j, i) => <JobCard key={j.ticketId} job={j} order={i + 1} />) : <Empty description={t('fieldApp.noJobs')} />}
      {upcoming.length > 0 && <Typography.Title level={5}>{t('fieldApp.upcoming', { n: upcoming.length })}</Typography.Title>}
      {upcoming.map((j) => (
        <JobCard key={j.ticketId} job={j} />
      ))}
    </div>
  );
}

function JobCard({ job, order }: { job: Job; order?: number }) {
  const { t } = useTranslation();
  return (
    <Link to={`/field/jobs/${job.ticketId}`} data-testid={`field-job-${job.number}`}>
      <Card size="small" className="gd-field-card" title={`${order ? `${order}. ` : ''}#${job.number} ${job.title}`}>
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <Typography.Text>{job.customer ?? t('app.none')}</Typography.Text>
          <Typography.Text type="secondary">{job.address ?? t('fieldApp.noAddress')}</Typography.Text>
          <Space wrap size={4}>
            {job.offer && (
              <Tag color="orange" data-testid="job-offer">
                {job.offer.respondBy ? t('fieldApp.offerBy', { time: dayjs(job.offer.respondBy).format('HH:mm') }) : t('fieldApp.offer')}
              </Tag>
            )}
            <Tag>{t(`priority.${job.priority}`)}</Tag>
            {job.window && <Tag color="purple">{`${dayjs(job.window.start).format('MM-DD HH:mm')}${job.window.end ? `–${dayjs(job.window.end).format('HH:mm')}` : ''}`}</Tag>}
            <SlaCountdown dueAt={job.slaDueAt} />
            {job.visit && job.visit.state !== 'planned' && <Tag color="green">{t(`fieldApp.visit.${job.visit.state}`)}</Tag>}
            {job.device && <Tag>{job.device.serial}</Tag>}
          </Space>
        </Space>
      </Card>
    </Link>
  );
}
