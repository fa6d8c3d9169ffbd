import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, message, Radio, Result, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../auth/auth-context';
import { isApiError } from '../api/client';
import { errorMessage } from '../common/api-errors';
import { useLiveMessages } from '../common/live-context';
import { PageLoading } from '../common/page-loading';
import { compressImage } from './compress-image';
import { fieldApi, type JobDetail } from './field-api';
import { mapLinks } from './map-links';
import type { QueuedStep } from './offline-queue';
import { PartsSection } from './parts-section';
import { SignaturePad } from './signature-pad';
import { SlaCountdown } from './sla-countdown';
import { JOB_RECHECK_MS, takenAwayCode, touchesJob, type TakenAwayCode } from './taken-away';
import { useFieldQueue, useOnSent } from './use-field-queue';
import { VisitBooking } from './visit-booking';

type VisitState = 'planned' | 'en_route' | 'on_site' | 'done';

/** The visit as the engineer sees it: the server's, moved on by the steps still waiting in the queue. */
function visitState(job: JobDetail, waiting: QueuedStep[]): VisitState {
  let s: VisitState = (job.visit?.state as VisitState) ?? 'planned';
  for (const w of waiting) s = w.kind === 'depart' ? 'en_route' : w.kind === 'check_in' ? 'on_site' : w.kind === 'complete' ? 'done' : s;
  return s;
}

/** One job: customer, address and navigation, SLA, device; 接单 / 拒单; the visit's steps. */
export default function JobPage() {
  const { ticketId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const queue = useFieldQueue();
  const client = useQueryClient();
  // a dispatcher may give the job to someone else meanwhile: checked again on focus and every 30 s (a
  // job back to dispatch sends this phone nothing live), at once on a live word about it
  const job = useQuery({
    queryKey: ['field', 'job', ticketId],
    queryFn: () => fieldApi.job(ticketId),
    refetchOnWindowFocus: true,
    refetchInterval: (q) => (takenAwayCode(q.state.error) ? false : JOB_RECHECK_MS),
  });
  const dispatch = useQuery({ queryKey: ['field', 'dispatch', ticketId], queryFn: () => fieldApi.dispatch(ticketId), retry: false, enabled: !takenAwayCode(job.error) });
  const recheck = () => {
    void job.refetch();
    void dispatch.refetch();
    void client.invalidateQueries({ queryKey: ['field', 'jobs'] });
  };
  useOnSent(() => void job.refetch());
  useLiveMessages((m) => {
    if (touchesJob(m, ticketId)) recheck();
  });
  if (job.isLoading) return <PageLoading />;
  const gone = takenAwayCode(job.error);
  if (gone) return <TakenAway code={gone} />;
  // a recheck that failed (the phone is offline, in a basement) keeps the job on screen: its steps queue
  if (!job.data) return <Alert type="error" message={t('fieldApp.loadFailed')} />;
  const j = job.data;
  const waiting = queue.pending.filter((s) => s.ticketId === j.ticketId);
  const state = visitState(j, waiting);
  // parts used wait in the parts section
  const steps = waiting.filter((s) => s.kind !== 'parts_usage');
  const offered = dispatch.data?.current?.state === 'offered' && dispatch.data.current.userId === me.id;
  const add = (step: Omit<QueuedStep, 'seq' | 'opId' | 'at' | 'ticketId'>) => queue.enqueue({ ...step, ticketId: j.ticketId });

  return (
    <div data-testid="field-job">
      <Card size="small" className="gd-field-card" title={`#${j.number} ${j.title}`}>
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text strong data-testid="job-customer">{j.customer ?? t('app.none')}</Typography.Text>
          <Typography.Text data-testid="job-address">{j.address ?? t('fieldApp.noAddress')}</Typography.Text>
          {j.site && (
            <div className="gd-field-maps" data-testid="map-links">
              {mapLinks(j.site, j.address ?? j.title).map((l) => (
                <Button key={l.app} size="small" href={l.href} target="_blank" rel="noreferrer" data-testid={`map-${l.app}`}>
                  {t(`fieldApp.maps.${l.app}`)}
                </Button>
              ))}
            </div>
          )}
          <Space wrap size={4}>
            <Tag>{t(`priority.${j.priority}`)}</Tag>
            <SlaCountdown dueAt={j.slaDueAt} />
            <Tag color="green" data-testid="visit-state">{t(`fieldApp.visit.${state}`)}</Tag>
          </Space>
          {state !== 'done' ? (
            <VisitBooking ticketId={j.ticketId} window={j.window} canBook={me.role !== 'customer'} onBooked={() => void job.refetch()} />
          ) : null}
          <DeviceSection job={j} />
        </Space>
      </Card>

      {offered && <OfferActions ticketId={j.ticketId} onAccepted={() => void dispatch.refetch()} onRefused={recheck} />}

      <Card size="small" className="gd-field-card gd-field-actions" title={t('fieldApp.visitTitle')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {state === 'planned' && (
            <Button
              block
              type="primary"
              data-testid="step-depart"
              onClick={() => {
                void add({ kind: 'depart' });
                // best effort, online only: the assignment is started (the visit itself is the queued step)
                void fieldApi.start(j.ticketId).catch(() => undefined);
              }}
            >
              {t('fieldApp.depart')}
            </Button>
          )}
          {(state === 'planned' || state === 'en_route') && <CheckInButton onCheckIn={(p) => void add({ kind: 'check_in', ...p })} />}
          {state !== 'done' && <NoteForm onAdd={(text) => void add({ kind: 'note', text })} />}
          {state === 'on_site' && <PhotoButton onPhoto={(blob) => void add({ kind: 'photo', blob })} />}
          {state === 'on_site' && <SignatureSection onSign={(blob) => void add({ kind: 'signature', blob })} />}
          {state === 'on_site' && <CompleteForm onComplete={(result, text) => void add({ kind: 'complete', result, text })} />}
          {state === 'done' && <Alert type="success" message={t('fieldApp.completed')} />}
        </Space>
      </Card>

      <PartsSection ticketId={j.ticketId} />

      <Card size="small" className="gd-field-card" title={t('fieldApp.steps')} data-testid="job-steps">
        {j.steps.map((s) => (
          <div key={s.opId} className="gd-field-step">
            {dayjs(s.at).format('HH:mm')} {t(`fieldApp.kind.${s.kind}`)}
            {s.text ? `：${s.text}` : ''}
            {s.flagged && <Tag color="red" style={{ marginLeft: 6 }}>{t('fieldApp.flagged', { m: s.distanceM })}</Tag>}
          </div>
        ))}
        {steps.map((s) => (
          <div key={s.opId} className="gd-field-step" data-testid="step-waiting">
            {dayjs(s.at).format('HH:mm')} {t(`fieldApp.kind.${s.kind}`)}
            {s.text ? `：${s.text}` : ''} <Tag color="gold">{t('fieldApp.notSent')}</Tag>
          </div>
        ))}
        {!j.steps.length && !steps.length && <Typography.Text type="secondary">{t('fieldApp.noSteps')}</Typography.Text>}
      </Card>
      {j.description && (
        <Card size="small" className="gd-field-card" title={t('fieldApp.description')}>
          {/* sanitised rich text from the server, as the console shows it */}
          <div dangerouslySetInnerHTML={{ __html: j.description }} />
        </Card>
      )}
    </div>
  );
}

/** The job is no longer this engineer's: say what became of it, and the way back to the list. */
function TakenAway({ code }: { code: TakenAwayCode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="info"
      data-testid="field-job-gone"
      title={t(`errors.${code}`)}
      subTitle={t('fieldApp.goneHint')}
      extra={
        <Button type="primary" data-testid="field-job-gone-back" onClick={() => void navigate('/field', { replace: true })}>
          {t('fieldApp.backToList')}
        </Button>
      }
    />
  );
}

function DeviceSection({ job }: { job: JobDetail }) {
  const { t } = useTranslation();
  if (!job.device) return <Typography.Text type="secondary">{t('fieldApp.noDevice')}</Typography.Text>;
  return (
    <div data-testid="job-device">
      <Typography.Text>{t('fieldApp.device', { serial: job.device.serial, model: job.device.model ?? '' })}</Typography.Text>
      {job.device.history.map((h) => (
        <div key={h.ticketId} className="gd-field-step">
          {dayjs(h.createdAt).format('YYYY-MM-DD')} #{h.number} {h.title} · {t(`status.${h.status}`)}
        </div>
      ))}
    </div>
  );
}

/** The usual reasons an engineer gives, one tap to fill the reason (still editable); the server keeps 1000 characters. */
const DECLINE_PRESETS = ['tooFar', 'skill', 'busy', 'vehicle', 'leave'] as const;
const DECLINE_MAX = 1000;

/** 接单 keeps the job on screen (its steps come next); 拒单 gives it back to dispatch: the job is no longer
 * the engineer's, so the phone says so and goes back to the list (its reading of the offer would go stale). */
function OfferActions({ ticketId, onAccepted, onRefused }: { ticketId: string; onAccepted: () => void; onRefused: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [declining, setDeclining] = useState(false);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => {
    setBusy(false);
    // in the interface's words (the server's message is English); the job is read again: it may be gone
    void message.error(isApiError(e) && e.status === 0 ? t('fieldApp.needsNetwork') : errorMessage(e, t));
    if (!isApiError(e) || e.status !== 0) onRefused();
  };
  const accept = () => {
    setBusy(true);
    fieldApi.accept(ticketId).then(() => {
      setBusy(false);
      void message.success(t('fieldApp.accepted'));
      onAccepted();
    }, fail);
  };
  const decline = () => {
    setBusy(true);
    fieldApi.decline(ticketId, reason.trim()).then(() => {
      void message.success(t('fieldApp.declined'));
      void navigate('/field', { replace: true });
    }, fail);
  };
  return (
    <Card size="small" className="gd-field-card gd-field-actions" title={t('fieldApp.offer')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button block type="primary" data-testid="offer-accept" loading={busy} disabled={busy} onClick={accept}>
          {t('fieldApp.accept')}
        </Button>
        {declining ? (
          <>
            <Flex wrap gap={6} data-testid="decline-presets">
              {DECLINE_PRESETS.map((k) => (
                <Tag.CheckableTag key={k} checked={reason === t(`fieldApp.declinePresets.${k}`)} onChange={() => setReason(t(`fieldApp.declinePresets.${k}`))}>
                  {t(`fieldApp.declinePresets.${k}`)}
                </Tag.CheckableTag>
              ))}
            </Flex>
            <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('fieldApp.declineReason')} maxLength={DECLINE_MAX} showCount autoSize={{ minRows: 2, maxRows: 5 }} data-testid="decline-reason" />
            <Button block danger disabled={!reason.trim() || busy} loading={busy} data-testid="offer-decline-send" onClick={decline}>
              {t('fieldApp.decline')}
            </Button>
          </>
        ) : (
          <Button block danger onClick={() => setDeclining(true)} data-testid="offer-decline">
            {t('fieldApp.decline')}
          </Button>
        )}
      </Space>
    </Card>
  );
}

function CheckInButton({ onCheckIn }: { onCheckIn: (p: { lat: number; lng: number; accuracy: number }) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const checkIn = () => {
    if (!('geolocation' in navigator)) return void message.error(t('fieldApp.noGeolocation'));
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setBusy(false);
        onCheckIn({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: Math.round(p.coords.accuracy) });
      },
      () => {
        setBusy(false);
        void message.error(t('fieldApp.noGeolocation'));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };
  return (
    <Button block type="primary" loading={busy} onClick={checkIn} data-testid="step-check-in">
      {t('fieldApp.checkIn')}
    </Button>
  );
}

function NoteForm({ onAdd }: { onAdd: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('fieldApp.notePlaceholder')} data-testid="note-text" />
      <Button disabled={!text.trim()} data-testid="note-add" onClick={() => (onAdd(text.trim()), setText(''))}>
        {t('fieldApp.addNote')}
      </Button>
    </Space.Compact>
  );
}

function PhotoButton({ onPhoto }: { onPhoto: (blob: Blob) => void }) {
  const { t } = useTranslation();
  return (
    <label className="ant-btn ant-btn-default ant-btn-block" style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight: 44 }}>
      {t('fieldApp.photo')}
      <input
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        data-testid="photo-input"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          // a photo the phone cannot re-encode is queued as it is: never lost
          onPhoto(await compressImage(file).catch(() => file));
        }}
      />
    </label>
  );
}

function SignatureSection({ onSign }: { onSign: (png: Blob) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button block onClick={() => setOpen(true)} data-testid="step-signature">
        {t('fieldApp.signature.open')}
      </Button>
    );
  return <SignaturePad onSign={(b) => (onSign(b), setOpen(false))} />;
}

function CompleteForm({ onComplete }: { onComplete: (result: 'fixed' | 'second_visit' | 'needs_part', text: string) => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<'fixed' | 'second_visit' | 'needs_part'>('fixed');
  const [text, setText] = useState('');
  const needsText = result !== 'fixed';
  return (
    <div data-testid="complete-form">
      <Radio.Group value={result} onChange={(e) => setResult(e.target.value)} style={{ marginBottom: 8 }}>
        <Radio value="fixed" data-testid="result-fixed">{t('fieldApp.result.fixed')}</Radio>
        <Radio value="second_visit" data-testid="result-second_visit">{t('fieldApp.result.second_visit')}</Radio>
        <Radio value="needs_part" data-testid="result-needs_part">{t('fieldApp.result.needs_part')}</Radio>
      </Radio.Group>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} placeholder={needsText ? t('fieldApp.reasonPlaceholder') : t('fieldApp.resolutionPlaceholder')} data-testid="complete-text" />
      <Button block type="primary" style={{ marginTop: 8 }} disabled={needsText && !text.trim()} onClick={() => onComplete(result, text.trim())} data-testid="step-complete">
        {t('fieldApp.complete')}
      </Button>
    </div>
  );
}
