import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

// Areas another part of the console will fill (customers, administration, notifications).
export default function PlaceholderPage({ area }: { area: 'customers' | 'admin' | 'notifications' }) {
  const { t } = useTranslation();
  return <Result status="info" title={t(`nav.${area}`)} subTitle={t(`placeholder.${area}`)} data-testid={`placeholder-${area}`} />;
}
