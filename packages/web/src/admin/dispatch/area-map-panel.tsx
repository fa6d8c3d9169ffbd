import { Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useMapTiles } from '../../dispatch/use-map-tiles';
import type { AreaMapProps } from './area-map';

const AreaMap = lazy(() => import('./area-map'));

/** The 服务范围 map with a line of help above it, on the configured tiles (the 上门地址 picker's query) or the built-in base layer. */
export function AreaMapPanel({ help, ...props }: Omit<AreaMapProps, 'tileUrl' | 'attribution'> & { help: string }) {
  const tiles = useMapTiles();
  return (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {help}
      </Typography.Text>
      <Suspense fallback={<Spin size="small" />}>
        <AreaMap {...props} tileUrl={tiles.data?.tileUrl} attribution={tiles.data?.attribution} />
      </Suspense>
    </div>
  );
}
