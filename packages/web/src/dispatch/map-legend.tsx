import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERSON_STATUSES } from './dispatch-types';

// What the marker colours mean: engineers by status; tickets are diamonds, outlets squares.

const DOT: Record<string, string> = { available: '#389e0d', busy: '#d46b08', away: '#d4b106', off_shift: '#8c8c8c' };

export function MapLegend() {
  const { t } = useTranslation();
  return (
    <Space size={12} wrap data-testid="map-legend">
      {PERSON_STATUSES.map((s) => (
        <Typography.Text key={s} type="secondary">
          <span className="gd-legend-dot" style={{ background: DOT[s] }} aria-hidden />
          {t(`dispatchMap.status.${s}`)}
        </Typography.Text>
      ))}
      <Typography.Text type="secondary">
        <span className="gd-legend-dot" style={{ background: '#1677ff', borderRadius: 2 }} aria-hidden />
        {t('dispatchMap.map.tickets')}
      </Typography.Text>
      <Typography.Text type="secondary">
        <span className="gd-legend-dot" style={{ background: '#13c2c2', borderRadius: 0 }} aria-hidden />
        {t('dispatchMap.map.outlets')}
      </Typography.Text>
    </Space>
  );
}
