import { CloudUploadOutlined } from '@ant-design/icons';
import { Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useMe } from '../auth/auth-context';
import { fieldApi } from './field-api';
import { installPwa } from './pwa';
import { useFieldQueue } from './use-field-queue';
import './field.css';

const CONSENT_KEY = 'gongdan.field.sharePosition';
const REPORT_EVERY_MS = 60_000;

/** The phone's frame: the app's name, what is not yet sent (待发送), the position switch. */
export default function FieldLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const queue = useFieldQueue();
  const [online, setOnline] = useState(navigator.onLine);
  const [share, setShare] = useState(() => localStorage.getItem(CONSENT_KEY) === 'yes');
  const onShift = useOnShift(me.id);
  useEffect(() => {
    installPwa();
    document.title = t('fieldApp.title');
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, [t]);
  // position while on duty, only with consent and never off shift
  useEffect(() => {
    if (!share || !onShift || !('geolocation' in navigator)) return;
    let last = 0;
    const id = navigator.geolocation.watchPosition(
      (p) => {
        if (Date.now() - last < REPORT_EVERY_MS) return;
        last = Date.now();
        void fieldApi.reportLocation({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: Math.round(p.coords.accuracy), at: new Date(p.timestamp).toISOString() }).catch(() => undefined);
      },
      () => undefined,
      { enableHighAccuracy: false, maximumAge: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [share, onShift]);
  const toggle = (v: boolean) => {
    localStorage.setItem(CONSENT_KEY, v ? 'yes' : 'no');
    setShare(v);
  };
  const waiting = queue.pending.length;
  return (
    <div className="gd-field">
      <header className="gd-field-header">
        <Link to="/field" className="gd-field-title">
          {t('fieldApp.title')}
        </Link>
        {!online && <Tag color="orange" data-testid="field-offline">{t('fieldApp.offline')}</Tag>}
        <Tag icon={<CloudUploadOutlined />} color={waiting ? 'gold' : 'green'} data-testid="field-pending">
          {waiting ? t('fieldApp.pending', { n: waiting }) : t('fieldApp.allSent')}
        </Tag>
      </header>
      <div className="gd-field-share">
        <Typography.Text type="secondary">{onShift ? t('fieldApp.share.label') : t('fieldApp.share.offShift')}</Typography.Text>
        <Switch size="small" checked={share} onChange={toggle} disabled={!onShift} data-testid="field-share" />
      </div>
      {queue.failed.length > 0 && (
        <div className="gd-field-failed" data-testid="field-failed">
          {queue.failed.map((s) => (
            <div key={s.seq}>
              {t(`fieldApp.kind.${s.kind}`)}：{t(`errors.${s.failed!.code}`, { defaultValue: s.failed!.message })}{' '}
              <a onClick={() => void queue.dropFailed(s)}>{t('fieldApp.dismiss')}</a>
            </div>
          ))}
        </div>
      )}
      <main className="gd-field-main">
        <Outlet />
      </main>
    </div>
  );
}

/** Whether the engineer is on shift now (their dispatch profile; unknown counts as off). */
function useOnShift(userId: string): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    let stop = false;
    const check = async () => {
      try {
        // the server judges the shift (its weekdays, the tenant's zone, holidays and 调休 when it follows the calendar)
        const p = await fieldApi.profile(userId);
        if (!stop) setOn(p.status !== 'off_shift' && p.shiftNow);
      } catch {
        /* keep the last answer */
      }
    };
    void check();
    const timer = setInterval(check, 5 * 60_000);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [userId]);
  return on;
}
