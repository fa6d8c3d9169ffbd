import { Alert, App, Button, Flex, Segmented, Select, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intakeApi } from '../../api/intake-endpoints';
import { INBOUND_STATES, INTAKE_KINDS, type InboundMessage, type InboundState, type IntakeKind } from '../../api/intake-types';
import { useMe } from '../../auth/auth-context';
import { errorMessage } from '../../common/api-errors';
import { isAdmin } from '../access';
import { IntakeDrawer } from './intake-drawer';
import { IntakeTable } from './intake-table';
import { useSelectClear } from '../../common/quiet-icons';

// Administration → 收件箱/隔离区: every inbound message, newest first, filtered by state (with the
// counts) and channel, paged with "load more"; admins process quarantined or ignored ones again.

export default function IntakePage() {
  const { t } = useTranslation();
  const selectClear = useSelectClear();
  const { message } = App.useApp();
  const admin = isAdmin(useMe());
  const [state, setState] = useState<InboundState | 'all'>('all');
  const [channel, setChannel] = useState<IntakeKind | undefined>();
  const [items, setItems] = useState<InboundMessage[]>([]);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<InboundMessage | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const request = useRef(0);

  const load = useCallback(
    (after?: string) => {
      const n = ++request.current;
      setLoading(true);
      intakeApi
        .list({ state: state === 'all' ? undefined : state, channel, cursor: after })
        .then((p) => {
          if (n !== request.current) return;
          setItems((prev) => (after ? [...prev, ...p.items] : p.items));
          setCursor(p.nextCursor);
          setCounts(p.counts);
          setError(null);
        })
        .catch((e: unknown) => n === request.current && setError(e))
        .finally(() => n === request.current && setLoading(false));
    },
    [state, channel],
  );
  useEffect(() => load(), [load]);

  const retry = async (m: InboundMessage) => {
    setRetrying(m.id);
    try {
      const next = await intakeApi.retry(m.id);
      setItems((prev) => prev.map((x) => (x.id === m.id ? next : x)));
      setOpen((o) => (o?.id === m.id ? next : o));
      setCounts((c) => ({ ...c, [m.state]: Math.max(0, (c[m.state] ?? 1) - 1), [next.state]: (c[next.state] ?? 0) + 1 }));
      message.success(t('intake.inbox.retried'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setRetrying(null);
    }
  };

  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <div data-testid="admin-intake">
      <Typography.Paragraph type="secondary">{t('intake.inbox.help')}</Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Segmented
          data-testid="intake-state-filter"
          aria-label={t('intake.inbox.stateFilter')}
          value={state}
          onChange={(v) => setState(v as InboundState | 'all')}
          options={[
            { value: 'all', label: `${t('intake.inbox.allStates')} ${total}` },
            ...INBOUND_STATES.map((s) => ({ value: s, label: <span data-testid={`intake-state-${s}`}>{`${t(`intake.inbox.state.${s}`)} ${counts[s] ?? 0}`}</span> })),
          ]}
        />
        <Select
          allowClear={selectClear}
          style={{ width: 160 }}
          placeholder={t('intake.inbox.allChannels')}
          value={channel}
          onChange={setChannel}
          data-testid="intake-channel-filter"
          options={INTAKE_KINDS.map((k) => ({ value: k, label: t(`channel.${k}`) }))}
        />
      </Flex>
      {!!error && <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 12 }} />}
      <IntakeTable items={items} loading={loading} admin={admin} retrying={retrying} onOpen={setOpen} onRetry={(m) => void retry(m)} />
      {cursor && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => load(cursor)} loading={loading} data-testid="intake-load-more">
            {t('intake.inbox.loadMore')}
          </Button>
        </Flex>
      )}
      <IntakeDrawer message={open} admin={admin} retrying={retrying === open?.id} onRetry={(m) => void retry(m)} onClose={() => setOpen(null)} />
    </div>
  );
}
