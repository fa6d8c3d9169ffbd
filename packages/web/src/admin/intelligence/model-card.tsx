import { Alert, Card, Col, Divider, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntelModel } from '../../api/intelligence-types';
import { formatDateTime, formatNumber, formatPercent } from '../../i18n/format';
import { ConfusionView } from './confusion-view';

// One classifier (category, team or priority): its state, how well it did on the tickets held back
// from training, how much it has been corrected since, and where it goes wrong.

const percent = (v: number | null) => (v === null ? '—' : formatPercent(v, 1));

/**
 * Fewer held-back tickets than this and the figures are not to be trusted: a share measured on n
 * tickets is uncertain by up to ±1.96·0.5/√n (the 95 % interval in the worst case, a share near 50 %),
 * which is 10 percentage points at about 100 tickets — the most a supervisor comparing two trainings or
 * judging "is it good enough to auto-apply" can live with. Held-back tickets are the newest 20 % of the
 * labelled ones, so this takes about 500 labelled tickets.
 */
export const MIN_HELD_OUT = 100;
const HELD_OUT_SHARE = 0.2;
const marginPoints = (n: number) => Math.round((1.96 * 0.5 * 100) / Math.sqrt(n));

export function ModelCard({ model }: { model: IntelModel }) {
  const { t } = useTranslation();
  const m = model;
  const cold = m.state === 'cold';
  return (
    <Card
      size="small"
      data-testid={`intel-model-${m.target}`}
      title={t(`intel.admin.target.${m.target}`, { defaultValue: m.target })}
      extra={
        <Tag color={cold ? 'default' : 'success'} data-testid={`intel-state-${m.target}`}>
          {t(`intel.admin.state.${m.state}`, { defaultValue: m.state })}
        </Tag>
      }
    >
      {cold && <Alert type="info" showIcon title={t('intel.admin.coldHelp')} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 12]}>
        <Col xs={12} md={6}>
          <Statistic title={t('intel.admin.accuracy')} value={percent(m.accuracy)} data-testid={`intel-accuracy-${m.target}`} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('intel.admin.macroF1')} value={percent(m.macroF1)} data-testid={`intel-f1-${m.target}`} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('intel.admin.examples')} value={formatNumber(m.examples)} data-testid={`intel-examples-${m.target}`} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('intel.admin.corrections')} value={formatNumber(m.corrections)} data-testid={`intel-corrections-${m.target}`} />
        </Col>
      </Row>
      {!cold && m.heldOut < MIN_HELD_OUT && (
        <Alert
          type="warning"
          showIcon
          data-testid={`intel-few-heldout-${m.target}`}
          style={{ marginTop: 12 }}
          title={t('intel.admin.fewHeldOut', { count: m.heldOut, margin: m.heldOut > 0 ? marginPoints(m.heldOut) : 100, min: MIN_HELD_OUT, labelled: MIN_HELD_OUT / HELD_OUT_SHARE })}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        <span data-testid={`intel-heldout-${m.target}`}>{t('intel.admin.heldOut', { count: m.heldOut })}</span>
        {' · '}
        {t('intel.admin.trainedAt')}: {m.trainedAt ? formatDateTime(m.trainedAt) : t('intel.admin.neverTrained')}
      </Typography.Paragraph>
      {m.classes.length > 0 && m.confusion.length > 0 && (
        <>
          <Divider style={{ margin: '12px 0' }} />
          <ConfusionView model={m} />
        </>
      )}
    </Card>
  );
}
