import { ArrowLeftOutlined, QuestionCircleOutlined, UpOutlined, DownOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Modal, Result, Row, Skeleton, Space, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { customersApi, ticketsApi } from '../../api/endpoints';
import type { Attachment, Organization, Ticket } from '../../api/types';
import { ApiError } from '../../api/client';
import { prefetchKey, takePrefetched } from '../../api/prefetch';
import { useMe } from '../../auth/auth-context';
import { AfterFirstPaint } from '../../common/after-first-paint';
import { errorMessage } from '../../common/api-errors';
import { useLiveMessages } from '../../common/live-context';
import { useShortcuts } from '../../common/use-shortcuts';
import { useAvailableHeight, useElementHeight } from '../../common/use-element-height';
import { formatDateTime } from '../../i18n/format';
import { usePhone } from '../../layout/use-phone';
import { loadQueue, neighbour } from '../queue';
import { PriorityTag, StatusTag } from '../ticket-tags';
import { DispatchPanel } from '../dispatch-panel';
import { SlaCountdown } from '../../sla/sla-countdown';
import { SlaPanel } from '../../sla/sla-panel';
import { ticketSla } from '../../sla/sla-types';
import { ChannelLogPanel } from './channel-log';
import { deliveriesByComment, DeliveriesContext } from './deliveries';
import type { Insights } from '../../api/intelligence-types';
import { InsightsPanel, setByIntelligence } from './insights-panel';
import { ReplyBox, type ReplyBoxHandle } from './reply-box';
import { SidePanel, type SidePanelHandle } from './side-panel';
import { SuggestionsPanel } from './suggestions-panel';
import { TicketPartsPanel } from '../../inventory/ticket-parts-panel';
import { TicketVisitCard } from '../../field/ticket-visit-card';
import { Timeline } from './timeline';
import { useTimeline } from './use-timeline';
import { ArticleFromTicketButton } from '../../knowledge/article-from-ticket';

// One ticket: header, the timeline with the reply box, and the side panel of properties.
// Changes by others arrive over the live socket; r / n / a / j / k / ? work as in other helpdesks.

const SHORTCUTS: [string, string][] = [
  ['r', 'shortcut.reply'],
  ['n', 'shortcut.note'],
  ['a', 'shortcut.assignMe'],
  ['j', 'shortcut.next'],
  ['k', 'shortcut.prev'],
  ['?', 'shortcut.help'],
];

export default function TicketDetailPage() {
  const { t } = useTranslation();
  const { ticketRef = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [org, setOrg] = useState<Organization | null>(null);
  const [attachments, setAttachments] = useState<Map<string, Attachment>>(new Map());
  const [version, setVersion] = useState(0);
  const [deliveries, setDeliveries] = useState<ReturnType<typeof deliveriesByComment>>(new Map());
  const [help, setHelp] = useState(false);
  const [analysis, setAnalysis] = useState<Insights | null>(null);
  const reply = useRef<ReplyBoxHandle>(null);
  const panel = useRef<SidePanelHandle>(null);
  const timelineBox = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const timelineHeight = useAvailableHeight(timelineBox, 250, 320, ready);
  // on a phone the conversation comes first and the reply box stays at the bottom of the screen
  const phone = usePhone();
  const replyBox = useRef<HTMLDivElement>(null);
  const replyHeight = useElementHeight(replyBox, ready && phone);
  const timeline = useTimeline(ticket?.id);

  useEffect(() => setReady(!!ticket), [ticket]);

  const loadTicket = useCallback(() => {
    (takePrefetched<Ticket>(prefetchKey.ticket(ticketRef)) ?? ticketsApi.get(ticketRef))
      .then((x) => {
        setTicket(x);
        setError(null);
      })
      .catch(setError);
  }, [ticketRef]);
  useEffect(() => {
    setTicket(null);
    loadTicket();
  }, [loadTicket]);

  const loadAttachments = useCallback(() => {
    if (ticket?.id) ticketsApi.attachments(ticket.id).then((r) => setAttachments(new Map(r.items.map((a) => [a.id, a])))).catch(() => undefined);
  }, [ticket?.id]);
  useEffect(loadAttachments, [loadAttachments]);

  useEffect(() => {
    setOrg(null);
    if (ticket?.organizationId) customersApi.organization(ticket.organizationId).then(setOrg).catch(() => undefined);
  }, [ticket?.organizationId]);

  const refreshAll = useCallback(() => {
    loadTicket();
    timeline.refresh();
    loadAttachments();
    setVersion((v) => v + 1);
  }, [loadTicket, timeline, loadAttachments]);

  useLiveMessages((m) => {
    if (m.type === 'ticket.event' && ticket && m.ticketId === ticket.id) refreshAll();
  });

  const queue = useMemo(() => loadQueue(), []);
  const go = (step: 1 | -1) => {
    const next = ticket && neighbour(queue, String(ticket.number), step);
    if (next) navigate(`/tickets/${next}`);
  };
  useShortcuts(
    {
      r: () => reply.current?.focus(false),
      n: () => reply.current?.focus(true),
      a: () => ticket && ticket.assigneeId !== me.id && panel.current?.assign(me.id),
      j: () => go(1),
      k: () => go(-1),
      '?': () => setHelp(true),
    },
    !!ticket,
  );

  if (error && !ticket)
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={errorMessage(error, t)}
        extra={<Button onClick={() => navigate('/tickets')}>{t('detail.back')}</Button>}
      />
    );
  if (!ticket) return <Skeleton active paragraph={{ rows: 8 }} />;

  // the conversation as the suggestions follow it: its newest message (a new one reads them again)
  const lastMessage = timeline.events.filter((e) => e.kind === 'reply.added').at(-1)?.id ?? '';
  const backSearch = queue?.search ? `?${queue.search}` : '';
  // the first page of the timeline is in (or failed): the side column may follow
  const conversationShown = timeline.events.length > 0 || (!timeline.loading && (!timeline.hasMore || timeline.error != null));
  const details = (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} colon>
      <Descriptions.Item label={t('field.requester')}>
        <span data-testid="ticket-requester">{ticket.requesterName ?? t('app.none')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('field.organization')}>{org ? `${org.name}${org.tier !== 'standard' ? ` · ${org.tier.toUpperCase()}` : ''}` : t('app.none')}</Descriptions.Item>
      <Descriptions.Item label={t('field.channel')}>{t(`channel.${ticket.channel}`, { defaultValue: ticket.channel })}</Descriptions.Item>
      <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(ticket.createdAt)}</Descriptions.Item>
      {ticket.externalId && (
        <Descriptions.Item label={t('field.externalId')}>
          <Typography.Text copyable data-testid="ticket-external-id">
            {ticket.externalId}
          </Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
  return (
    <Flex vertical gap={12} data-testid="ticket-detail">
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Space orientation="vertical" size={4} style={{ minWidth: 0 }}>
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(`/tickets${backSearch}`)} data-testid="back-to-list">
              {t('detail.back')}
            </Button>
            <Typography.Text type="secondary" data-testid="ticket-number">
              #{ticket.number}
            </Typography.Text>
            <StatusTag status={ticket.status} />
            <PriorityTag priority={ticket.priority} />
            {ticketSla(ticket) && <SlaCountdown clock={ticketSla(ticket)!} testId="sla-tag" />}
          </Space>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="ticket-title">
            {ticket.title}
          </Typography.Title>
          {!phone && details}
        </Space>
        <Space>
          <Tooltip title={`${t('detail.prevNext')} (k / j)`}>
            <Space.Compact>
              <Button icon={<UpOutlined aria-hidden />} onClick={() => go(-1)} disabled={!neighbour(queue, String(ticket.number), -1)} data-testid="prev-ticket" aria-label={t('shortcut.prev')} />
              <Button icon={<DownOutlined aria-hidden />} onClick={() => go(1)} disabled={!neighbour(queue, String(ticket.number), 1)} data-testid="next-ticket" aria-label={t('shortcut.next')} />
            </Space.Compact>
          </Tooltip>
          <ArticleFromTicketButton ticket={ticket} />
          {ticket.assigneeId !== me.id && (
            <Button onClick={() => panel.current?.assign(me.id)} data-testid="assign-me">
              {t('detail.assignToMe')}
            </Button>
          )}
          {!phone && (
            <Button icon={<QuestionCircleOutlined aria-hidden />} onClick={() => setHelp(true)} data-testid="shortcut-help-button">
              {t('detail.shortcuts')}
            </Button>
          )}
        </Space>
      </Flex>
      {error != null && <Alert type="warning" showIcon title={errorMessage(error, t)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16} xl={17}>
          <Card size="small" styles={{ body: { padding: 12 } }}>
            {ticket.description && (
              <div className="gd-comment-body" style={{ padding: '4px 12px 12px', borderBottom: '1px solid #f0f0f0', marginBottom: 12 }} dangerouslySetInnerHTML={{ __html: ticket.description }} data-testid="ticket-description" />
            )}
            <div ref={timelineBox}>
              <DeliveriesContext.Provider value={deliveries}>
                <Timeline
                  events={timeline.events}
                  hasMore={timeline.hasMore}
                  loading={timeline.loading}
                  error={timeline.error}
                  onLoadMore={timeline.loadMore}
                  attachments={attachments}
                  height={phone ? Math.max(240, window.innerHeight - 56 - replyHeight - 24) : Math.max(320, timelineHeight)}
                />
              </DeliveriesContext.Provider>
            </div>
          </Card>
          <div ref={replyBox} className={phone ? 'gd-phone-reply' : undefined} style={phone ? undefined : { marginTop: 12 }} data-testid="reply-dock">
            <ReplyBox ref={reply} ticket={ticket} onSent={refreshAll} />
          </div>
          <AfterFirstPaint when={conversationShown}>
            <ChannelLogPanel ticketId={ticket.id} version={version} onLoaded={(log) => setDeliveries(deliveriesByComment(log))} />
          </AfterFirstPaint>
        </Col>
        <Col xs={24} lg={8} xl={7}>
          {/* after the conversation has been painted: the side column is many controls and requests */}
          <AfterFirstPaint when={conversationShown} fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            {phone && (
              <Card size="small" style={{ marginBottom: 12 }} data-testid="ticket-details">
                {details}
              </Card>
            )}
            {/* the promise to the customer first: the SLA clocks */}
            <SlaPanel ticketId={ticket.id} version={version} />
            {/* what the system understood first, above the fields it set */}
            <InsightsPanel
              ticket={ticket}
              version={version}
              onUpdated={(x) => {
                setTicket(x);
                timeline.refresh();
              }}
              onLinked={refreshAll}
              onAnalysis={setAnalysis}
            />
            {/* the right article or solved case, still on the first screen (知识推荐) */}
            <SuggestionsPanel ticketId={ticket.id} conversation={lastMessage} onInsert={(text) => reply.current?.insert(text)} />
            <Card size="small" style={{ marginTop: 12 }}>
              <SidePanel
                ref={panel}
                ticket={ticket}
                me={me}
                version={version}
                setByIntelligence={setByIntelligence(ticket, analysis)}
                onUpdated={(x) => {
                  setTicket(x);
                  timeline.refresh();
                }}
              />
            </Card>
            {/* dispatch (派单) below the properties: it loads later and must not move them */}
            <DispatchPanel ticket={ticket} version={version} />
            {me.role !== 'customer' && <TicketVisitCard ticket={ticket} version={version} />}
            {me.role !== 'customer' && <TicketPartsPanel ticketId={ticket.id} version={version} />}
          </AfterFirstPaint>
        </Col>
      </Row>
      <Modal open={help} title={t('shortcut.title')} footer={null} onCancel={() => setHelp(false)} data-testid="shortcut-help">
        <Descriptions column={1} size="small" bordered>
          {SHORTCUTS.map(([k, label]) => (
            <Descriptions.Item key={k} label={<Typography.Text keyboard>{k}</Typography.Text>}>
              {t(label)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Modal>
      {/* room at the end of the page for the reply box fixed over it */}
      {phone && <div style={{ height: replyHeight }} aria-hidden />}
    </Flex>
  );
}
