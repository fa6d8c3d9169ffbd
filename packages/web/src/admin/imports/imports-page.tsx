import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Typography, Upload } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { importApi } from '../../api/import-endpoints';
import { isFinished, type ImportJob } from '../../api/import-types';
import { errorMessage } from '../../common/api-errors';
import { formatBytes } from '../../i18n/format';
import { ImportColumns } from './import-columns';
import { ImportHistory } from './import-history';
import { ImportProgress } from './import-progress';

// 导入工单: an admin uploads the export of the old helpdesk; the server imports it in the background
// and this page follows the job until it is done, then offers training the models on the history.

const LIST = ['imports', 'list'] as const;
const jobKey = (id: string | null) => ['imports', 'job', id] as const;

export function ImportsView({ pollMs = 1000 }: { pollMs?: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: LIST, queryFn: importApi.list });
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);

  // an import still going on when the page is opened again is followed at once
  const first = list.data?.items[0];
  useEffect(() => {
    if (first && !isFinished(first)) setCurrentId((id) => id ?? first.id);
  }, [first]);

  // the job shown, asked for every `pollMs` until it is done (also after a failed ask: a server restarted
  // mid-import resumes it; a job that could not be opened at all is not asked for again); the one shown
  // stays until the next one opened has come
  const current = useQuery({
    queryKey: jobKey(currentId),
    queryFn: async () => {
      const before = queryClient.getQueryData<ImportJob>(jobKey(currentId));
      const job = await importApi.get(currentId!);
      // the list follows the job it has just seen finish
      if (isFinished(job) && before && !isFinished(before)) void queryClient.invalidateQueries({ queryKey: LIST });
      return job;
    },
    enabled: currentId !== null,
    staleTime: pollMs,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (!q.state.data || isFinished(q.state.data) ? false : pollMs),
  });

  const upload = useMutation({
    mutationFn: importApi.upload,
    onSuccess: (job) => {
      queryClient.setQueryData(jobKey(job.id), job);
      setCurrentId(job.id);
      setFile(null);
      return queryClient.invalidateQueries({ queryKey: LIST });
    },
  });
  const start = () => {
    if (file) upload.mutate(file);
  };

  const jobs = list.data?.items;
  const job = current.data;
  const uploading = upload.isPending;
  const uploadError = upload.error;
  if (!jobs && list.error) return <Alert type="error" showIcon title={errorMessage(list.error, t)} data-testid="import-load-error" />;
  if (!jobs) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Flex vertical gap={12} data-testid="admin-imports">
      <Typography.Text type="secondary">{t('imports.help')}</Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('imports.file.title')}>
            <Flex vertical gap={8}>
              <Typography.Text>{t('imports.file.formats', { max: formatBytes(list.data?.maxFileBytes ?? 0) })}</Typography.Text>
              <Typography.Text type="secondary">{t('imports.file.excel')}</Typography.Text>
              <div data-testid="import-file">
                <Upload.Dragger
                  accept=".csv,.jsonl,.ndjson"
                  multiple={false}
                  showUploadList={false}
                  beforeUpload={(f) => {
                    setFile(f);
                    upload.reset();
                    return false; // sent by start(), not by the Upload component
                  }}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined aria-hidden />
                  </p>
                  <p className="ant-upload-text">{t('imports.file.drop')}</p>
                </Upload.Dragger>
              </div>
              {file && <Typography.Text data-testid="import-chosen">{t('imports.file.chosen', { name: file.name, size: formatBytes(file.size) })}</Typography.Text>}
              {uploadError != null && <UploadError error={uploadError} />}
              <Button type="primary" icon={<UploadOutlined aria-hidden />} disabled={!file} loading={uploading} onClick={start} data-testid="import-start">
                {uploading ? t('imports.file.uploading') : t('imports.file.upload')}
              </Button>
              <Typography.Text type="secondary">{t('imports.file.rerun')}</Typography.Text>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          {job ? <ImportProgress key={job.id} job={job} pollError={current.isPlaceholderData ? null : current.error} /> : <ImportColumns />}
        </Col>
      </Row>
      {job && <ImportColumns />}
      <ImportHistory jobs={jobs} onOpen={setCurrentId} />
    </Flex>
  );
}

/** Why the file was refused: in the interface language by its reason, with the server's specifics. */
function UploadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason = isApiError(error) ? (error.code === 'ATTACHMENT_TOO_LARGE' ? 'too_large' : error.details[0]?.code) : undefined;
  const known = reason ? t(`imports.fileError.${reason}`, { defaultValue: '' }) : '';
  return (
    <Alert
      type="error"
      showIcon
      title={known || errorMessage(error, t)}
      description={known && isApiError(error) ? error.message : undefined}
      data-testid="import-upload-error"
      data-reason={reason}
    />
  );
}

export default function ImportsPage() {
  return <ImportsView />;
}
