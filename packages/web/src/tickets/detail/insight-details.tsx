import { Button, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate, Extracted, Insights } from '../../api/intelligence-types';
import { formatPercent, formatStatedDate } from '../../i18n/format';
import { StatusTag } from '../ticket-tags';
import { copyIcons } from '../../common/quiet-icons';

// The rest of a ticket's analysis: the requester's mood, the details found in the text, and
// tickets that may be the same problem (to mark as duplicate or relate in one click).

const small: React.CSSProperties = { fontSize: 11, lineHeight: '18px', marginInlineEnd: 4 };

export function InsightSentiment({ sentiment }: { sentiment: Insights['sentiment'] }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary">{t('intel.panel.sentiment')}</Typography.Text>
      {sentiment.angry ? (
        <Tag color="red" data-testid="insight-angry">
          {t('intel.panel.angry')}
        </Tag>
      ) : (
        <Typography.Text data-testid="insight-sentiment">{t(`intel.panel.sentimentLabel.${sentiment.label}`, { defaultValue: sentiment.label })}</Typography.Text>
      )}
      {/* the cues say why someone is upset; for calm texts they add nothing */}
      {sentiment.angry &&
        sentiment.cues.map((c) => (
          <Tag key={c} style={small} data-testid="insight-cue">
            {c}
          </Tag>
        ))}
    </Space>
  );
}

export function InsightExtracted({ items }: { items: Extracted[] }) {
  const { t } = useTranslation();
  if (!items.length) return <Typography.Text type="secondary">{t('intel.panel.noExtracted')}</Typography.Text>;
  return (
    <List
      size="small"
      data-testid="insight-extracted"
      dataSource={items}
      renderItem={(x) => (
          <List.Item style={{ padding: '2px 0' }} data-testid={`insight-extracted-${x.kind}`}>
            <Space size={6} wrap>
              <Typography.Text type="secondary">{t(`intel.panel.kind.${x.kind}`, { defaultValue: x.kind })}</Typography.Text>
              <Tooltip title={x.text !== x.value ? x.text : undefined}>
                <Typography.Text copyable={{ text: x.value, icon: copyIcons }}>{x.kind === 'date' ? formatStatedDate(String(x.value)) : x.value}</Typography.Text>
              </Tooltip>
              {x.field && (
                <Tooltip title={t('intel.panel.prefilledField', { field: x.field })}>
                  <Tag color="green" style={small} data-testid="insight-prefilled">
                    {t('intel.panel.prefilled')}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          </List.Item>
      )}
    />
  );
}

export type LinkKind = 'duplicate_of' | 'related';

interface DuplicatesProps {
  items: DuplicateCandidate[];
  onLink: (d: DuplicateCandidate, kind: LinkKind) => Promise<boolean>;
}

export function InsightDuplicates({ items, onLink }: DuplicatesProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [linked, setLinked] = useState<Record<string, LinkKind>>({});
  if (!items.length) return <Typography.Text type="secondary">{t('intel.panel.noDuplicates')}</Typography.Text>;
  const link = async (d: DuplicateCandidate, kind: LinkKind) => {
    setBusy(`${d.ticketId}:${kind}`);
    try {
      if (await onLink(d, kind)) setLinked((l) => ({ ...l, [d.ticketId]: kind }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <List
      size="small"
      data-testid="insight-duplicates"
      dataSource={items}
      renderItem={(d) => (
        <List.Item style={{ padding: '6px 0', display: 'block' }} data-testid={`insight-dup-${d.number}`}>
          <Space size={4} style={{ width: '100%', minWidth: 0 }} wrap>
            <Link to={`/tickets/${d.number}`}>#{d.number}</Link>
            <Typography.Text ellipsis style={{ maxWidth: 150 }} title={d.title}>
              {d.title}
            </Typography.Text>
            <StatusTag status={d.status} />
            <Typography.Text type="secondary" data-testid={`insight-dup-score-${d.number}`}>
              {t('intel.panel.similarity', { percent: formatPercent(d.score) })}
            </Typography.Text>
          </Space>
          <div style={{ marginTop: 4 }}>
            {d.reasons.map((r) => (
              <Tag key={r} style={small}>
                {t(`intel.panel.reason.${r}`, { defaultValue: r })}
              </Tag>
            ))}
          </div>
          <Space size={6} style={{ marginTop: 4 }}>
            {linked[d.ticketId] ? (
              <Tag color="blue" data-testid={`insight-linked-${d.number}`}>
                {t(`detail.linkKind.${linked[d.ticketId]}`)}
              </Tag>
            ) : (
              <>
                <Button size="small" danger loading={busy === `${d.ticketId}:duplicate_of`} disabled={!!busy} onClick={() => link(d, 'duplicate_of')} data-testid={`insight-duplicate-${d.number}`}>
                  {t('intel.panel.markDuplicate')}
                </Button>
                <Button size="small" loading={busy === `${d.ticketId}:related`} disabled={!!busy} onClick={() => link(d, 'related')} data-testid={`insight-relate-${d.number}`}>
                  {t('intel.panel.relate')}
                </Button>
              </>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
