import { Alert, Card, Col, Divider, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntelModel } from '../../api/intelligence-types';
import { formatDateTime, formatNumber, formatPercent } from '../../i18n/format';
import { ConfusionView } from './confusion-view';

// One classifier (category, team or priority): its state, how well it did on the tickets held back
// from training, how much it has been corrected since, and where it goes wrong.

const percent = (v: number | null) => (v === null ? '—' : formatPercent(v, 1));

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
