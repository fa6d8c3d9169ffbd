import { List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../api/intelligence-types';
import { formatPercent } from '../../i18n/format';

// Solved tickets most like this one: how they were answered may help with this one.

export function InsightSimilarSolved({ items }: { items: DuplicateCandidate[] }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      data-testid="insight-similar"
      dataSource={items}
      renderItem={(s) => (
        <List.Item style={{ padding: '4px 0', display: 'block' }} data-testid={`insight-similar-${s.number}`}>
          <Space size={4} style={{ width: '100%', minWidth: 0 }} wrap>
            <Link to={`/tickets/${s.number}`} data-testid={`insight-similar-link-${s.number}`}>
              #{s.number}
            </Link>
            <Typography.Text ellipsis style={{ maxWidth: 180 }} title={s.title}>
              {s.title}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid={`insight-similar-score-${s.number}`}>
              {t('intel.panel.similarity', { percent: formatPercent(s.score) })}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
