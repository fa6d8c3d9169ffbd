import { App, Collapse, Empty, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ticketsApi } from '../../api/endpoints';
import { intelApi } from '../../api/intelligence-endpoints';
import { INTEL_TARGETS, type DuplicateCandidate, type Insights, type IntelTarget, type Prediction } from '../../api/intelligence-types';
import type { Ticket } from '../../api/types';
import { errorMessage } from '../../common/api-errors';
import { formatDateTime } from '../../i18n/format';
import { InsightDuplicates, InsightExtracted, InsightSentiment, type LinkKind } from './insight-details';
import { InsightPredictions, TARGET_FIELD } from './insight-predictions';

// 智能分析 on the ticket page: what the classifiers made of the ticket. Tickets from before the
// feature have no analysis (404): the panel says so instead of showing an error.

const COLLAPSED_KEY = 'gongdan.insights.collapsed';
/** How long after its creation a ticket without analysis is asked for it again, and how often. */
const ANALYSIS_WAIT_MS = 2 * 60_000;
const RETRY_MS = 2000;

type Loaded = { state: 'ok'; data: Insights } | { state: 'none' } | { state: 'error'; error: unknown };

interface Props {
  ticket: Ticket;
  /** Changes when the ticket changed elsewhere (live events, replies): the analysis is read again. */
  version: number;
  onUpdated: (t: Ticket) => void;
  /** A link was added: the page reloads its lists and timeline. */
  onLinked: () => void;
  /** The analysis read (null while there is none): the side panel marks the fields it set. */
  onAnalysis?: (d: Insights | null) => void;
}

/** The ticket's fields the intelligence set that still hold its value (an agent's change takes the mark away). */
export function setByIntelligence(ticket: Ticket, analysis: Insights | null): string[] {
  if (!analysis || analysis.ticketId !== ticket.id) return [];
  return INTEL_TARGETS.filter((k) => analysis.predictions[k]?.applied && ticket[TARGET_FIELD[k]] === analysis.predictions[k]!.value).map((k) => TARGET_FIELD[k]);
}

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <div style={{ marginTop: 10 }}>
    <Typography.Text strong style={{ display: 'block', marginBottom: 2 }}>
      {title}
    </Typography.Text>
    {children}
  </div>
);

export function InsightsPanel({ ticket, version, onUpdated, onLinked, onAnalysis }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // agents who do not want it keep it folded away across tickets
  const [collapsed, setCollapsed] = useState(readCollapsed);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () =>
      intelApi
        .insights(ticket.id)
        .then((data) => live && setLoaded({ state: 'ok', data }))
        .catch((error: unknown) => {
          if (!live) return;
          const missing = error instanceof ApiError && error.status === 404;
          setLoaded(missing ? { state: 'none' } : { state: 'error', error });
          // the server analyses a new ticket shortly after creating it: ask again while it is fresh
          if (missing && Date.now() - Date.parse(ticket.createdAt) < ANALYSIS_WAIT_MS) timer = setTimeout(read, RETRY_MS);
        });
    void read();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ticket.id, ticket.createdAt, version]);

  const analysis = loaded?.state === 'ok' ? loaded.data : null;
  useEffect(() => onAnalysis?.(analysis), [analysis, onAnalysis]);

  const toggle = (open: boolean) => {
    setCollapsed(!open);
    try {
      localStorage.setItem(COLLAPSED_KEY, open ? '0' : '1');
    } catch {
      /* private mode: remembered for this page only */
    }
  };

  const adopt = async (target: IntelTarget, p: Prediction) => {
    try {
      onUpdated(await ticketsApi.update(ticket.id, { [TARGET_FIELD[target]]: p.value }));
      message.success(t('intel.panel.adopted', { label: p.label }));
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  const link = async (d: DuplicateCandidate, kind: LinkKind) => {
    try {
      await ticketsApi.link(ticket.id, { targetId: d.ticketId, kind });
      message.success(t(kind === 'duplicate_of' ? 'intel.panel.markedDuplicate' : 'intel.panel.linkedRelated', { number: d.number }));
      onLinked();
      return true;
    } catch (err) {
      message.error(errorMessage(err, t));
      return false;
    }
  };

  const data = loaded?.state === 'ok' ? loaded.data : null;
  const label = (
    <Space size={6} wrap>
      <Typography.Text strong>{t('intel.panel.title')}</Typography.Text>
      {data?.needsTriage && (
        <Tooltip title={t('intel.panel.triageHelp')}>
          <Tag color="orange" data-testid="insight-triage">
            {t('intel.panel.triage')}
          </Tag>
        </Tooltip>
      )}
      {data?.sentiment.angry && <Tag color="red">{t('intel.panel.angry')}</Tag>}
    </Space>
  );

  const body = () => {
    if (!loaded) return <Skeleton active paragraph={{ rows: 3 }} />;
    if (loaded.state === 'none') return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intel.panel.empty')} data-testid="insights-empty" style={{ margin: 0 }} />;
    if (loaded.state === 'error')
      return (
        <Typography.Text type="secondary" data-testid="insights-error">
          {t('intel.panel.loadFailed')}: {errorMessage(loaded.error, t)}
        </Typography.Text>
      );
    const d = loaded.data;
    return (
      <>
        <InsightPredictions ticket={ticket} predictions={d.predictions} onAdopt={adopt} />
        <div style={{ marginTop: 8 }}>
          <InsightSentiment sentiment={d.sentiment} />
        </div>
        <Section title={t('intel.panel.extracted')}>
          <InsightExtracted items={d.extracted} />
        </Section>
        <Section title={t('intel.panel.duplicates')}>
          <InsightDuplicates key={d.ticketId} items={d.duplicates} onLink={link} />
        </Section>
        {/* similar solved tickets: listed once, with how they were solved, by 知识推荐 below */}
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('intel.panel.analyzedAt', { time: formatDateTime(d.analyzedAt) })}
        </Typography.Text>
      </>
    );
  };

  return (
    <Collapse
      size="small"
      data-testid="insights-panel"
      activeKey={collapsed ? [] : ['insights']}
      onChange={(keys) => toggle((Array.isArray(keys) ? keys : [keys]).includes('insights'))}
      style={{ background: '#fff' }}
      items={[{ key: 'insights', label, children: body() }]}
    />
  );
}
