import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Flex, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useMe } from '../../auth/auth-context';
import { errorMessage } from '../../common/api-errors';
import { confirmIcon } from '../../common/quiet-icons';
import { isAdmin } from '../access';
import { CalendarEditor } from './calendar-editor';
import { intervalsText } from './calendar-form-rules';
import { calendarsApi, type BusinessCalendar, type CalendarFormat, type CalendarSummary } from './calendars-api';

// Administration › 工作日历: the tenant's business calendars — list, create (or from the 2026 法定节假日),
// edit the week and the holidays / 调休 days, import and export ICS or JSON, delete. Admins change them;
// supervisors read.

export default function CalendarsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWrite = isAdmin(useMe());
  const [items, setItems] = useState<CalendarSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<BusinessCalendar | 'new' | null>(null);
  const [importErrors, setImportErrors] = useState<string[]>([]);

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    calendarsApi
      .list()
      .then((r) => setItems(r.items))
      .catch(setError)
      .finally(() => setLoading(false));
  }, []);
  useEffect(load, [load]);

  const fail = (err: unknown) => message.error(errorMessage(err, t));
  const open = (c: CalendarSummary) => calendarsApi.get(c.id).then(setEditing).catch(fail);
  const fromBuiltin = () =>
    calendarsApi
      .fromBuiltin(t('calendars.builtinName'), !items.some((c) => c.isDefault))
      .then(() => {
        message.success(t('calendars.created'));
        load();
      })
      .catch(fail);
  const remove = (c: CalendarSummary) =>
    calendarsApi
      .remove(c.id)
      .then(() => {
        message.success(t('calendars.deleted'));
        load();
      })
      .catch(fail);
  const importFile = async (c: CalendarSummary, file: File) => {
    setImportErrors([]);
    const format: CalendarFormat = /\.json$/i.test(file.name) ? 'json' : 'ics';
    try {
      const r = await calendarsApi.importDays(c.id, format, await file.text());
      message.success(t('calendars.imported', { count: r.imported, name: c.name }));
      load();
    } catch (err) {
      if (isApiError(err) && err.code === 'CALENDAR_IMPORT_INVALID') setImportErrors(err.details.map((d) => d.message));
      else fail(err);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="calendars-page">
      <Typography.Text type="secondary">{t('calendars.intro')}</Typography.Text>
      {canWrite && (
        <Flex gap={8} wrap>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="calendar-add">
            {t('calendars.add')}
          </Button>
          <Button onClick={fromBuiltin} data-testid="calendar-from-builtin">
            {t('calendars.fromBuiltin')}
          </Button>
        </Flex>
      )}
      {error != null && <Alert type="error" showIcon title={errorMessage(error, t)} action={<Button onClick={load}>{t('app.retry')}</Button>} />}
      {importErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportErrors([])}
          title={t('calendars.importFailed')}
          description={<ul style={{ margin: 0, paddingLeft: 18 }} data-testid="calendar-import-errors">{importErrors.map((e) => <li key={e}>{e}</li>)}</ul>}
        />
      )}
      <Table<CalendarSummary>
        rowKey="id"
        size="middle"
        loading={loading && !items.length}
        dataSource={items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('calendars.empty') }}
        onRow={(r) => ({ 'data-testid': `calendar-row-${r.name}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('calendars.name'),
            render: (_, r) => (
              <Space size={4} wrap>
                <Typography.Text strong>{r.name}</Typography.Text>
                {r.isDefault && <Tag color="blue">{t('calendars.isDefault')}</Tag>}
              </Space>
            ),
          },
          { key: 'hours', title: t('calendars.hours'), render: (_, r) => (r.alwaysOpen ? '7×24' : intervalsText(r.week['1'] as [string, string][]) || t('calendars.editor.restDay')) },
          { key: 'days', title: t('calendars.daysColumn'), width: 170, render: (_, r) => t('calendars.dayCounts', { holidays: r.holidayCount, workdays: r.workdayCount }) },
          { key: 'zone', title: t('calendars.timeZone'), width: 150, render: (_, r) => r.timeZone },
          {
            key: 'actions',
            title: '',
            width: 150,
            render: (_, r) => (
              <Space size={4}>
                <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={() => open(r)} aria-label={t('app.edit')} data-testid="calendar-edit" />
                <Dropdown
                  menu={{
                    items: (['ics', 'json'] as const).map((f) => ({ key: f, label: t(`calendars.export.${f}`) })),
                    onClick: ({ key }) => calendarsApi.download(r.id, r.name, key as CalendarFormat).catch(fail),
                  }}
                >
                  <Button size="small" type="text" icon={<DownloadOutlined aria-hidden />} aria-label={t('calendars.exportLabel')} data-testid="calendar-export" />
                </Dropdown>
                {canWrite && (
                  <Upload accept=".ics,.json,text/calendar,application/json" showUploadList={false} beforeUpload={(file) => (void importFile(r, file), false)}>
                    <Button size="small" type="text" icon={<UploadOutlined aria-hidden />} aria-label={t('calendars.importLabel')} data-testid="calendar-import" />
                  </Upload>
                )}
                {canWrite && (
                  <Popconfirm icon={confirmIcon} title={t('calendars.confirmDelete', { name: r.name })} okText={t('app.delete')} cancelText={t('app.cancel')} onConfirm={() => remove(r)}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} data-testid="calendar-delete" />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CalendarEditor
        editing={editing}
        canWrite={canWrite}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(t('calendars.saved'));
          load();
        }}
      />
    </Flex>
  );
}
