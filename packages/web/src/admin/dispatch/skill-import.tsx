import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, List, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../common/api-errors';
import { CloseIcon } from '../../common/quiet-icons';
import { dispatchApi, type SkillImportResult } from './dispatch-api';

// The skill matrix from a CSV file: upload, a 预览 of what would be written (nothing written yet), 确认写入,
// then the rows applied and each failed row with why, in the
// console's words from the server's issue codes (not the server's English text).

/** What is wrong with the file as a whole (its encoding, header, size), in the console's words. */
export function fileErrorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (err.code === 'ATTACHMENT_TOO_LARGE' || err.code === 'BODY_TOO_LARGE') return t('dispatch.import.file.too_big');
    const issue = err.details.find((d) => d.field === 'file');
    // an unreadable file says where (value: the line); without a line there is nothing precise to say
    const located = issue && (issue.code === 'broken_quote' || issue.code === 'unreadable') ? issue.value !== undefined : true;
    // bytes that are not UTF-8 are named by their line (value) when the server gives it
    const key = issue?.code === 'not_utf8' && issue.value ? 'not_utf8_line' : issue?.code;
    if (issue && located) return t(`dispatch.import.file.${key}`, { value: issue.value ?? '', defaultValue: t('dispatch.import.file.other') });
    if (issue) return t('dispatch.import.file.other');
  }
  return errorMessage(err, t);
}

/** One failed row in the console's words: its issue with the value at fault (row = the file's line, as Excel shows it). */
export function failureText(f: SkillImportResult['failed'][number], t: TFunction): string {
  const general = t(`dispatch.import.codes.${f.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'VALIDATION_FAILED'}`);
  return t(`dispatch.import.issues.${f.issue}`, { value: f.value ?? '', skill: f.skill ?? '', defaultValue: general });
}

export function SkillImport({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // 预览: the file checked with nothing written, until 确认写入
  const [preview, setPreview] = useState<{ file: File; result: SkillImportResult } | null>(null);
  const [result, setResult] = useState<SkillImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const close = () => (setPreview(null), setResult(null), setError(null));
  const run = async (file: File, dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await dispatchApi.importSkills(file, { dryRun });
      if (dryRun) return setPreview({ file, result: r });
      setPreview(null);
      setResult(r);
      if (!r.failed.length) message.success(t('dispatch.import.result', { updated: r.updated, failed: 0 }));
      onDone();
    } catch (err) {
      setError(err);
      setPreview(null);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  const shown = preview?.result ?? result;
  return (
    <>
      <span data-testid="matrix-import">
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(f) => {
            void run(f, true);
            return false;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={busy} data-testid="matrix-import-button">
            {t('dispatch.import.button')}
          </Button>
        </Upload>
      </span>
      <Modal
        open={!!shown || !!error}
        title={preview ? t('dispatch.import.previewTitle') : t('dispatch.import.title')}
        onCancel={close}
        closeIcon={<CloseIcon />}
        footer={
          preview ? (
            <>
              <Button onClick={close}>{t('app.cancel')}</Button>
              <Button type="primary" loading={busy} disabled={!preview.result.updated} onClick={() => void run(preview.file, false)} data-testid="matrix-import-confirm">
                {t('dispatch.import.confirm', { updated: preview.result.updated })}
              </Button>
            </>
          ) : (
            <Button onClick={close}>{t('app.close')}</Button>
          )
        }
        data-testid="matrix-import-result"
      >
        <Typography.Paragraph type="secondary">{t('dispatch.import.help')}</Typography.Paragraph>
        {!!error && <Alert type="error" showIcon title={fileErrorText(error, t)} data-testid="matrix-import-error" />}
        {shown && (
          <>
            <Alert
              type={shown.failed.length ? 'warning' : preview ? 'info' : 'success'}
              showIcon
              title={t(preview ? 'dispatch.import.preview' : 'dispatch.import.result', { updated: shown.updated, failed: shown.failed.length })}
              data-testid="matrix-import-summary"
            />
            {!!shown.failed.length && (
              <List
                size="small"
                dataSource={shown.failed}
                renderItem={(f) => (
                  <List.Item data-testid={`matrix-import-failed-${f.row}`}>
                    <Typography.Text>{t('app.labelValue', { label: t('dispatch.import.row', { row: f.row }), value: failureText(f, t) })}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
