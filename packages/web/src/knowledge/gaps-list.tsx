import { Alert, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../common/api-errors';
import { kbApi } from './kb-api';
import type { KbGaps } from './kb-types';

// 知识缺口: groups of recently solved tickets that no published article covers, largest first.
export function GapsList() {
  const { t } = useTranslation();
  const [gaps, setGaps] = useState<KbGaps | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    kbApi.gaps().then(setGaps).catch(setError);
  }, []);
  type Gap = KbGaps['items'][number];
  return (
    <div data-testid="kb-gaps">
      <Typography.Paragraph type="secondary">
        {t('kb.gaps.intro')}
        {gaps && ` · ${t('kb.gaps.considered', { count: gaps.ticketsConsidered })}`}
      </Typography.Paragraph>
      {error != null && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      <Table<Gap>
        rowKey={(g) => `${g.categoryId}-${g.words.join('-')}`}
        size="middle"
        loading={!gaps && !error}
        dataSource={gaps?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('kb.gaps.empty') }}
        columns={[
          { key: 'words', title: t('kb.gaps.words'), render: (_, g) => g.words.map((w) => <Tag key={w}>{w}</Tag>) },
          { key: 'category', title: t('kb.gaps.category'), width: 140, render: (_, g) => g.categoryName ?? '' },
          { key: 'count', title: t('kb.gaps.count'), width: 90, render: (_, g) => g.count },
          {
            key: 'examples',
            title: t('kb.gaps.examples'),
            render: (_, g) =>
              g.examples.map((e) => (
                <div key={e.id}>
                  <Link to={`/tickets/${e.number}`}>#{e.number}</Link> {e.title}
                </div>
              )),
          },
        ]}
      />
    </div>
  );
}
