import { Button, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** 签字确认: the customer signs with a finger on a canvas; the signature is sent as a PNG. */
export function SignaturePad({ onSign }: { onSign: (png: Blob) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const c = canvas.current!;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111';
    let down = false;
    const point = (e: PointerEvent) => {
      const r = c.getBoundingClientRect();
      return [((e.clientX - r.left) * c.width) / r.width, ((e.clientY - r.top) * c.height) / r.height] as const;
    };
    const start = (e: PointerEvent) => {
      down = true;
      c.setPointerCapture?.(e.pointerId);
      const [x, y] = point(e);
      ctx.beginPath();
      ctx.moveTo(x, y);
    };
    const move = (e: PointerEvent) => {
      if (!down) return;
      const [x, y] = point(e);
      ctx.lineTo(x, y);
      ctx.stroke();
      setDrawn(true);
    };
    const end = () => (down = false);
    c.addEventListener('pointerdown', start);
    c.addEventListener('pointermove', move);
    c.addEventListener('pointerup', end);
    c.addEventListener('pointerleave', end);
    return () => {
      c.removeEventListener('pointerdown', start);
      c.removeEventListener('pointermove', move);
      c.removeEventListener('pointerup', end);
      c.removeEventListener('pointerleave', end);
    };
  }, []);
  const clear = () => {
    const c = canvas.current!;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    setDrawn(false);
  };
  const save = () => canvas.current!.toBlob((b) => b && onSign(b), 'image/png');
  return (
    <div>
      <canvas ref={canvas} width={600} height={240} data-testid="signature-canvas" style={{ width: '100%', height: 160, border: '1px dashed #bbb', borderRadius: 6, touchAction: 'none', background: '#fff' }} />
      <Space style={{ marginTop: 8 }}>
        <Button onClick={clear}>{t('fieldApp.signature.clear')}</Button>
        <Button type="primary" disabled={!drawn} onClick={save} data-testid="signature-save">
          {t('fieldApp.signature.save')}
        </Button>
      </Space>
    </div>
  );
}
