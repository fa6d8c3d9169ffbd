import { ClearOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaMapPanel } from './area-map-panel';
import { AREA_POINTS, POLYGON_MIN, type LatLngPair } from './profile-values';

// The 多边形 of a 服务范围, drawn by clicking vertices on the map: 撤销上一点, 清除, and how many there are.
// A form control (value: the points); the Form.Item around it holds the rule on their number.

interface Props {
  value?: LatLngPair[];
  onChange?: (points: LatLngPair[]) => void;
  start: LatLngPair;
  landmarks?: { at: LatLngPair; label: string }[];
}

export function PolygonField({ value, onChange, start, landmarks }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const { status } = Form.Item.useStatus();
  // a polygon loaded is framed; once the admin draws, the view stays where they are working
  const [drawing, setDrawing] = useState(false);
  const points = value ?? [];
  const change = (next: LatLngPair[]) => {
    setDrawing(true);
    onChange?.(next);
    // the "at least 3" shown by a save goes away as soon as the points are enough
    if (status === 'error') void form.validateFields([AREA_POINTS]).catch(() => undefined);
  };
  return (
    <div data-testid="profile-area-polygon">
      <AreaMapPanel help={t('dispatch.profile.polygonHelp')} start={start} landmarks={landmarks} points={points} fitPoints={!drawing} onPick={(p) => change([...points, p])} />
      <Flex align="center" gap={8} wrap>
        <Typography.Text data-testid="profile-area-count">{t('dispatch.profile.pointsCount', { count: points.length, min: POLYGON_MIN })}</Typography.Text>
        <Button size="small" icon={<UndoOutlined aria-hidden />} disabled={!points.length} onClick={() => change(points.slice(0, -1))} data-testid="profile-area-undo">
          {t('dispatch.profile.undoPoint')}
        </Button>
        <Button size="small" icon={<ClearOutlined aria-hidden />} disabled={!points.length} onClick={() => change([])} data-testid="profile-area-clear">
          {t('dispatch.profile.clearPoints')}
        </Button>
      </Flex>
    </div>
  );
}
