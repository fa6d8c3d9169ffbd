import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { assetApi } from '../api/asset-endpoints';
import type { AssetLabel } from '../api/asset-types';
import { errorMessage } from '../common/api-errors';
import './labels.css';

// /assets/labels?ids=…: the QR labels of the chosen assets for the browser's print dialog — the
// Chinese names in the page's own fonts, beside the PDF sheet the server makes.

export default function LabelsPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const ids = (search.get('ids') ?? '').split(',').filter(Boolean);
  const [labels, setLabels] = useState<AssetLabel[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return setLabels([]);
    assetApi.labels(key.split(',')).then((r) => setLabels(r.items), setError);
  }, [key]);

  return (
    <div className="asset-labels" data-testid="asset-labels-page">
      <Flex className="asset-labels-bar" justify="space-between" align="center" style={{ padding: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('assets.labelsTitle')}</Typography.Title>
        <Flex gap={8}>
          <Button href={ids.length ? assetApi.labelsPdfUrl(ids) : undefined} target="_blank" disabled={!ids.length}>{t('assets.pdfLabels')}</Button>
          <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} disabled={!labels?.length} data-testid="asset-labels-print">{t('assets.labelsPrint')}</Button>
        </Flex>
      </Flex>
      {!!error && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      {!labels && !error && <Spin />}
      {labels?.length === 0 && <Typography.Paragraph style={{ padding: 16 }}>{t('assets.labelsNone')}</Typography.Paragraph>}
      <div className="asset-labels-sheet">
        {labels?.map((l) => (
          <div className="asset-label" key={l.id} data-testid={`asset-label-${l.serial}`}>
            <img alt="" src={`data:image/svg+xml;utf8,${encodeURIComponent(l.svg)}`} />
            <div>
              <div className="asset-label-scan">{t('assets.labelsScan')}</div>
              <div className="asset-label-name">{l.name ?? l.serial}</div>
              <div>{l.serial}</div>
              {l.model && <div className="asset-label-muted">{l.model}</div>}
              {l.address && <div className="asset-label-muted">{l.address}</div>}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
