import { DownloadOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_COLUMNS, REQUIRED_COLUMNS, templateHref } from './import-template';

/** What each CSV column holds, and the template to start from. */
export function ImportColumns() {
  const { t } = useTranslation();
  return (
    <div data-testid="import-columns">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('imports.columns.heading')}
      </Typography.Title>
      <Button icon={<DownloadOutlined aria-hidden />} href={templateHref()} download={t('imports.file.templateName')} data-testid="import-template" style={{ marginBottom: 8 }}>
        {t('imports.file.template')}
      </Button>
      <Typography.Paragraph type="secondary" data-testid="import-requester-note">
        {t('imports.columns.requesterNote')}
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="column"
        dataSource={IMPORT_COLUMNS.map((column) => ({ column }))}
        columns={[
          { title: t('imports.columns.column'), dataIndex: 'column', width: 160, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
          {
            title: t('imports.columns.meaning'),
            dataIndex: 'column',
            key: 'meaning',
            render: (c: (typeof IMPORT_COLUMNS)[number]) => (
              <>
                {REQUIRED_COLUMNS.includes(c) && <Tag color="red">{t('imports.columns.requiredTag')}</Tag>}
                {t(`imports.columns.${c}`)}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
