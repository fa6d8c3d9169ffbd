import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, InputNumber, Progress, Row, Skeleton, Space, Statistic, Switch, Table, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/auth-context';
import { errorMessage } from '../../common/api-errors';
import { useFormSubmit } from '../../common/use-form-submit';
import { CSAT_KEYS, csatApi, type CsatReport, type CsatSettingsBody } from '../../satisfaction/csat-api';
import { isAdmin } from '../access';

// 满意度: the report of a period (count, average, distribution, NPS, the survey response rate, by team /
// agent / category) for supervisors and admins, and the survey settings (admins change them).

type Group = CsatReport['byTeam'][number];

function Settings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const admin = isAdmin(useMe());
  const qc = useQueryClient();
  const q = useQuery({ queryKey: CSAT_KEYS.settings, queryFn: csatApi.settings });
  const [form] = Form.useForm<CsatSettingsBody>();
  const { busy, general, submit } = useFormSubmit(form, ['enabled', 'npsEnabled', 'lowScoreThreshold', 'expiryDays']);
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = () =>
    submit(async (v) => {
      const saved = await csatApi.putSettings({ enabled: !!v.enabled, npsEnabled: !!v.npsEnabled, lowScoreThreshold: v.lowScoreThreshold, expiryDays: v.expiryDays });
      qc.setQueryData(CSAT_KEYS.settings, saved);
      message.success(t('csat.admin.saved'));
    });
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error, t)} />;
  if (!q.data) return <Skeleton active />;
  return (
    <Card size="small" style={{ maxWidth: 640 }} data-testid="csat-settings">
      <Form form={form} layout="vertical" disabled={!admin} onFinish={save}>
        <Form.Item name="enabled" label={t('csat.admin.enabled')} extra={t('csat.admin.enabledHelp')} valuePropName="checked">
          <Switch data-testid="csat-enabled" />
        </Form.Item>
        <Form.Item name="npsEnabled" label={t('csat.admin.npsEnabled')} valuePropName="checked">
          <Switch data-testid="csat-nps-enabled" />
        </Form.Item>
        <Form.Item name="lowScoreThreshold" label={t('csat.admin.lowScoreThreshold')} extra={t('csat.admin.lowScoreHelp')} rules={[{ required: true }]}>
          <InputNumber min={0} max={5} precision={0} data-testid="csat-threshold" />
        </Form.Item>
        <Form.Item name="expiryDays" label={t('csat.admin.expiryDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={365} precision={0} data-testid="csat-expiry" />
        </Form.Item>
        {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} />}
        {admin && (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="csat-settings-save">
            {t('app.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function GroupTable({ rows, testId }: { rows: Group[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<Group>
      size="small"
      rowKey={(g) => g.id ?? 'none'}
      pagination={false}
      dataSource={rows}
      data-testid={testId}
      columns={[
        { title: t('csat.admin.name'), render: (_, g) => g.name ?? t('csat.admin.none') },
        { title: t('csat.admin.count'), dataIndex: 'count', align: 'right' },
        { title: t('csat.admin.average'), render: (_, g) => g.average?.toFixed(2) ?? '—', align: 'right' },
        { title: t('csat.admin.satisfied'), render: (_, g) => (g.satisfiedPercent === null ? '—' : `${g.satisfiedPercent}%`), align: 'right' },
      ]}
    />
  );
}

function Report() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(30, 'day').startOf('day'), dayjs().add(1, 'day').startOf('day')]);
  const query = { from: range[0].toISOString(), to: range[1].toISOString() };
  const q = useQuery({ queryKey: CSAT_KEYS.report(query), queryFn: () => csatApi.report(query) });
  const r = q.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="csat-report">
      <Space wrap>
        <Typography.Text>{t('csat.admin.period')}</Typography.Text>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0].startOf('day'), v[1].add(1, 'day').startOf('day')])} data-testid="csat-period" />
      </Space>
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error, t)} />}
      {!r && !q.isError && <Skeleton active />}
      {r && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={4}><Statistic title={t('csat.admin.count')} value={r.count} data-testid="csat-count" /></Col>
            <Col xs={12} md={5}><Statistic title={t('csat.admin.average')} value={r.average ?? '—'} precision={r.average === null ? undefined : 2} data-testid="csat-average" /></Col>
            <Col xs={12} md={5}><Statistic title={t('csat.admin.satisfied')} value={r.satisfiedPercent ?? '—'} suffix={r.satisfiedPercent === null ? undefined : '%'} /></Col>
            <Col xs={12} md={4}><Statistic title={t('csat.admin.nps')} value={r.nps.score ?? '—'} data-testid="csat-nps-score" /></Col>
            <Col xs={24} md={6}>
              <Statistic title={t('csat.admin.responseRate')} value={r.surveys.responseRate ?? '—'} suffix={r.surveys.responseRate === null ? undefined : '%'} data-testid="csat-response-rate" />
              <Typography.Text type="secondary">{t('csat.admin.responseDetail', { answered: r.surveys.answered, sent: r.surveys.sent })}</Typography.Text>
            </Col>
          </Row>
          {r.count === 0 ? (
            <Typography.Text type="secondary" data-testid="csat-empty">{t('csat.admin.empty')}</Typography.Text>
          ) : (
            <>
              <Card size="small" title={t('csat.admin.distribution')} data-testid="csat-distribution">
                {[5, 4, 3, 2, 1].map((n) => (
                  <Row key={n} gutter={8} align="middle">
                    <Col flex="64px">{t('csat.admin.starsN', { n })}</Col>
                    <Col flex="auto"><Progress percent={Math.round((r.distribution[n - 1] / r.count) * 100)} format={() => r.distribution[n - 1]} /></Col>
                  </Row>
                ))}
                <Typography.Text type="secondary">{t('csat.admin.via', { survey: r.byVia.survey ?? 0, chat: r.count - (r.byVia.survey ?? 0) })}</Typography.Text>
              </Card>
              <Tabs
                items={[
                  { key: 'team', label: t('csat.admin.byTeam'), children: <GroupTable rows={r.byTeam} testId="csat-by-team" /> },
                  { key: 'agent', label: t('csat.admin.byAgent'), children: <GroupTable rows={r.byAgent} testId="csat-by-agent" /> },
                  { key: 'category', label: t('csat.admin.byCategory'), children: <GroupTable rows={r.byCategory} testId="csat-by-category" /> },
                ]}
              />
            </>
          )}
        </>
      )}
    </Space>
  );
}

export default function SatisfactionAdminPage() {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="csat-admin-page">
      <Typography.Title level={5} style={{ margin: 0 }}>{t('csat.admin.reportTitle')}</Typography.Title>
      <Report />
      <Typography.Title level={5} style={{ margin: 0 }}>{t('csat.admin.settingsTitle')}</Typography.Title>
      <Settings />
    </Space>
  );
}
