import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { importApi } from '../../api/import-endpoints';
import { isFinished, type ImportJob, type ImportJobSummary } from '../../api/import-types';
import { errorMessage } from '../../common/api-errors';
import { formatBytes } from '../../i18n/format';
import { ImportColumns } from './import-columns';
import { ImportHistory } from './import-history';
import { ImportProgress } from './import-progress';

// 导入工单: an admin uploads the export of the old helpdesk; the server imports it in the background
// and this page follows the job until it is done, then offers training the models on the history.

export function ImportsView({ pollMs = 1000 }: { pollMs?: number }) {
  const { t } = useTranslation();
  const [jobs, setJobs] = useState<ImportJobSummary[] | null>(null);
  const [maxBytes, setMaxBytes] = useState(0);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [current, setCurrent] = useState<ImportJob | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);

  const loadList = useCallback(
    () =>
      importApi.list().then((r) => {
        setJobs(r.items);
        setMaxBytes(r.maxFileBytes);
        setLoadError(null);
        return r.items;
      }),
    [],
  );
  const open = useCallback((id: string) => importApi.get(id).then(setCurrent).catch(setLoadError), []);
  useEffect(() => {
    loadList()
      // an import still going on when the page is opened again is followed at once
      .then((items) => {
        if (items[0] && !isFinished(items[0])) return open(items[0].id);
      })
      .catch(setLoadError);
  }, [loadList, open]);
  const finished = useCallback(() => void loadList().catch(setLoadError), [loadList]);

  const start = async () => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      setCurrent(await importApi.upload(file));
      setFile(null);
      await loadList();
    } catch (err) {
      setUploadError(err);
    } finally {
      setUploading(false);
    }
  };

  if (!jobs && loadError) return <Alert type="error" showIcon title={errorMessage(loadError, t)} data-testid="import-load-error" />;
  if (!jobs) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Flex vertical gap={12} data-testid="admin-imports">
      <Typography.Text type="secondary">{t('imports.help')}</Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('imports.file.title')}>
            <Flex vertical gap={8}>
              <Typography.Text>{t('imports.file.formats', { max: formatBytes(maxBytes) })}</Typography.Text>
              <Typography.Text type="secondary">{t('imports.file.excel')}</Typography.Text>
              <div data-testid="import-file">
                <Upload.Dragger
                  accept=".csv,.jsonl,.ndjson"
                  multiple={false}
                  showUploadList={false}
                  beforeUpload={(f) => {
                    setFile(f);
                    setUploadError(null);
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
              <Button type="primary" icon={<UploadOutlined aria-hidden />} disabled={!file} loading={uploading} onClick={() => void start()} data-testid="import-start">
                {uploading ? t('imports.file.uploading') : t('imports.file.upload')}
              </Button>
              <Typography.Text type="secondary">{t('imports.file.rerun')}</Typography.Text>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          {current ? <ImportProgress key={current.id} initial={current} pollMs={pollMs} onFinished={finished} /> : <ImportColumns />}
        </Col>
      </Row>
      {current && <ImportColumns />}
      <ImportHistory jobs={jobs} onOpen={(id) => void open(id)} />
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
