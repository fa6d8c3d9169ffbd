import { Button, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { INTEL_TARGETS, type IntelTarget, type Prediction, type Reason } from '../../api/intelligence-types';
import type { Ticket } from '../../api/types';
import { formatPercent } from '../../i18n/format';

// The predicted category, team and priority: set automatically, already the ticket's value, or a
// suggestion the agent takes with one click (a PATCH of that one field, like the side panel's).

/** The ticket field each prediction fills. */
export const TARGET_FIELD: Record<IntelTarget, 'categoryId' | 'teamId' | 'priority'> = { category: 'categoryId', team: 'teamId', priority: 'priority' };

interface Props {
  ticket: Ticket;
  predictions: Partial<Record<IntelTarget, Prediction>>;
  onAdopt: (target: IntelTarget, p: Prediction) => Promise<void>;
}

/** The reasons as chips in the interface's language: each deciding word its own chip, the other kinds worded. */
export function reasonChips(reasons: Reason[], t: TFunction): string[] {
  const chips = reasons.flatMap((r) => (r.kind === 'words' ? r.words : [t(`intel.panel.why.${r.kind}`, { words: r.words.join('、'), n: (r.count ?? 0) + 1 })]));
  return [...new Set(chips)];
}

export function InsightPredictions({ ticket, predictions, onAdopt }: Props) {
  const { t } = useTranslation();
  const [adopting, setAdopting] = useState<IntelTarget | null>(null);
  const shown = INTEL_TARGETS.filter((k) => predictions[k]);
  if (!shown.length) return null;
  // priorities have words of the interface's own; categories and teams are named by the server
  const label = (k: IntelTarget, p: Prediction) => (k === 'priority' ? t(`priority.${p.value}`, { defaultValue: p.label }) : p.label);

  const state = (k: IntelTarget, p: Prediction) => {
    const current = ticket[TARGET_FIELD[k]] === p.value;
    if (current && p.applied)
      return (
        <Tag color="success" data-testid={`insight-applied-${k}`}>
          {t('intel.panel.applied')}
        </Tag>
      );
    if (current)
      return (
        <Tag color="blue" data-testid={`insight-current-${k}`}>
          {t('intel.panel.current')}
        </Tag>
      );
    return (
      <Button
        size="small"
        type="primary"
        ghost
        loading={adopting === k}
        disabled={!!adopting && adopting !== k}
        data-testid={`insight-adopt-${k}`}
        onClick={async () => {
          setAdopting(k);
          try {
            await onAdopt(k, p);
          } finally {
            setAdopting(null);
          }
        }}
      >
        {t('intel.panel.adopt')}
      </Button>
    );
  };

  return (
    <List
      size="small"
      data-testid="insight-predictions"
      dataSource={shown}
      renderItem={(k) => {
        const p = predictions[k]!;
        return (
          <List.Item style={{ padding: '6px 0', display: 'block' }} data-testid={`insight-prediction-${k}`}>
            <Space size={6} wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <Space size={6} wrap>
                <Typography.Text type="secondary">{t(`intel.admin.target.${k}`)}</Typography.Text>
                <Typography.Text strong>{label(k, p)}</Typography.Text>
                <Tooltip title={t(`intel.panel.source.${p.source}`, { defaultValue: p.source })}>
                  {/* a rule is certain by rule: a percentage would claim a model's confidence it never had */}
                  <Typography.Text type="secondary" data-testid={`insight-confidence-${k}`}>
                    {p.source === 'rules' ? t('intel.panel.byRules') : t('intel.panel.confidence', { percent: formatPercent(p.confidence) })}
                  </Typography.Text>
                </Tooltip>
              </Space>
              {state(k, p)}
            </Space>
            {p.reasons.length > 0 && (
              <div style={{ marginTop: 4 }} data-testid={`insight-explanation-${k}`}>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 4 }}>
                  {t('intel.panel.explanation')}
                </Typography.Text>
                {reasonChips(p.reasons, t).map((chip) => (
                  <Tag key={chip} style={{ fontSize: 11, lineHeight: '18px', marginInlineEnd: 4 }}>
                    {chip}
                  </Tag>
                ))}
              </div>
            )}
          </List.Item>
        );
      }}
    />
  );
}
