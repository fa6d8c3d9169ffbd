import { Alert, Card, Col, DatePicker, Flex, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { assistApi } from '../../api/assist-endpoints';
import type { KbStats } from '../../api/assist-types';
import { errorMessage } from '../../common/api-errors';
import { useLocalName, useLookups } from '../../common/lookups';
import { formatPercent } from '../../i18n/format';

// 知识推荐命中率: how often the suggestions on the ticket page are used (per category), how agents rate
// them, and how many portal visitors solve their problem with an article (deflection).

type Range = [Dayjs, Dayjs];
const DEFAULT_DAYS = 30;

export function KbStatsView({ stats }: { stats: KbStats }) {
  const { t } = useTranslation();
  const { categoryById } = useLookups();
  const localName = useLocalName();
  const pct = (x: number | null) => (x === null ? t('assist.stats.none') : formatPercent(x, 1));
  const s = stats.suggestions;
  const p = stats.portal;
  return (
    <Flex vertical gap={12}>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="kb-stats-hit-rate">
            <Statistic title={t('assist.stats.hitRate')} value={pct(s.hitRate)} />
            <Typography.Text type="secondary">
              {s.usedTickets} / {s.shownTickets}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="kb-stats-helpful">
            <Statistic title={t('assist.stats.helpfulRate')} value={pct(s.helpfulRate)} />
            <Typography.Text type="secondary">{t('assist.stats.ratings', { helpful: s.helpful, notHelpful: s.notHelpful })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="kb-stats-deflection">
            <Statistic title={t('assist.stats.deflectionRate')} value={pct(p.deflectionRate)} />
            <Typography.Text type="secondary">{t('assist.stats.deflection', { deflected: p.deflected, submitted: p.submitted, abandoned: p.abandoned })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="kb-stats-searches">
            <Statistic title={t('assist.stats.searches')} value={p.searches} />
            {p.pending > 0 && <Typography.Text type="secondary">{t('assist.stats.pending', { count: p.pending })}</Typography.Text>}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('assist.stats.byCategory')}>
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => r.categoryId ?? ''}
          dataSource={s.byCategory}
          data-testid="kb-stats-categories"
          columns={[
            { title: t('assist.stats.category'), key: 'category', render: (_, r) => (r.categoryId ? localName(categoryById.get(r.categoryId)) || r.categoryId : t('assist.stats.noCategory')) },
            { title: t('assist.stats.shownTickets'), dataIndex: 'shownTickets', align: 'right' },
            { title: t('assist.stats.usedTickets'), dataIndex: 'usedTickets', align: 'right' },
            { title: t('assist.stats.hitRate'), key: 'hitRate', align: 'right', render: (_, r) => pct(r.hitRate) },
          ]}
        />
      </Card>
      {stats.articles && (
        <Card size="small" title={t('assist.stats.articles')} data-testid="kb-stats-articles">
          <Row gutter={12}>
            {Object.entries(stats.articles).map(([state, n]) => (
              <Col key={state} xs={12} md={6}>
                <Statistic title={t(`assist.stats.articleState.${state}`, { defaultValue: state })} value={n} />
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </Flex>
  );
}

export default function KbStatsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<Range>(() => [dayjs().subtract(DEFAULT_DAYS, 'day').startOf('day'), dayjs().add(1, 'day').startOf('day')]);
  const period = { from: range[0].toISOString(), to: range[1].toISOString() };
  const { data, error } = useQuery({ queryKey: ['kb-stats', period.from, period.to], queryFn: () => assistApi.stats(period) });
  return (
    <Flex vertical gap={12} data-testid="admin-kb-stats">
      <Flex justify="space-between" gap={8} wrap>
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('assist.stats.help')}</Typography.Text>
          <Link to="/knowledge?tab=synonyms" data-testid="kb-stats-synonyms">
            {t('kb.synonyms.manage')}
          </Link>
        </Flex>
        <DatePicker.RangePicker
          aria-label={t('assist.stats.period')}
          value={[range[0], range[1].subtract(1, 'day')]}
          allowClear={false}
          onChange={(r) => r?.[0] && r[1] && setRange([r[0].startOf('day'), r[1].add(1, 'day').startOf('day')])}
          data-testid="kb-stats-period"
        />
      </Flex>
      {!data && error ? <Alert type="error" showIcon title={`${t('assist.stats.loadFailed')}: ${errorMessage(error, t)}`} /> : !data ? <Skeleton active paragraph={{ rows: 4 }} /> : <KbStatsView stats={data} />}
    </Flex>
  );
}
