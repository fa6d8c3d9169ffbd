import { DislikeFilled, DislikeOutlined, LikeFilled, LikeOutlined, LinkOutlined, ReloadOutlined, SnippetsOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, List, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { assistApi } from '../../api/assist-endpoints';
import type { ArticleSuggestion, SolvedSuggestion, Suggestions } from '../../api/assist-types';
import { errorMessage } from '../../common/api-errors';
import { formatPercent } from '../../i18n/format';

// 知识推荐 on the ticket page: the articles and solved tickets that match the conversation, read again
// when it changes (a new message). One click puts an article's link or words, or a solved ticket's
// solution, into the reply box; thumbs up / down rate a suggestion. Both are recorded: the hit rate.

/** Several changes in a row (a page of the timeline, a burst of live events) read the suggestions once. */
const SETTLE_MS = 400;

interface Props {
  ticketId: string;
  /** Changes when the conversation has a new message: the suggestions are read again. */
  conversation: string | number;
  onInsert: (text: string) => void;
}

type Reaction = { used: boolean; helpful: boolean | null };

/** An article link for a reply: the portal's address on this server. */
export function articleLink(a: Pick<ArticleSuggestion, 'title' | 'url'>, origin = window.location.origin): string {
  return `${a.title}：${origin}${a.url ?? ''}`;
}

function Thumbs({ value, onRate, id }: { value: boolean | null; onRate: (helpful: boolean) => void; id: string }) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Tooltip title={t('assist.panel.helpful')}>
        <Button type="text" size="small" aria-label={t('assist.panel.helpful')} aria-pressed={value === true} data-testid={`suggestion-up-${id}`} icon={value === true ? <LikeFilled aria-hidden /> : <LikeOutlined aria-hidden />} onClick={() => onRate(true)} />
      </Tooltip>
      <Tooltip title={t('assist.panel.notHelpful')}>
        <Button type="text" size="small" aria-label={t('assist.panel.notHelpful')} aria-pressed={value === false} data-testid={`suggestion-down-${id}`} icon={value === false ? <DislikeFilled aria-hidden /> : <DislikeOutlined aria-hidden />} onClick={() => onRate(false)} />
      </Tooltip>
    </Space>
  );
}

export function SuggestionsPanel({ ticketId, conversation, onInsert }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [data, setData] = useState<Suggestions | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [reactions, setReactions] = useState<Record<string, Reaction>>({});
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      assistApi
        .suggestions(ticketId)
        .then((d) => {
          if (!live) return;
          setData(d);
          setError(null);
          setReactions(Object.fromEntries([...d.articles, ...d.solvedTickets].map((s) => [s.suggestionId, { used: s.used, helpful: s.helpful }])));
        })
        .catch((err: unknown) => live && setError(err))
        .finally(() => live && setLoading(false));
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ticketId, conversation, reload]);

  const react = (sid: string, change: Partial<Reaction>) => setReactions((r) => ({ ...r, [sid]: { ...(r[sid] ?? { used: false, helpful: null }), ...change } }));

  const insert = useCallback(
    (sid: string, text: string, mode: 'link' | 'text') => {
      onInsert(text);
      react(sid, { used: true });
      message.success(t('assist.panel.inserted'));
      assistApi.used(ticketId, sid, mode).catch((err: unknown) => message.error(errorMessage(err, t)));
    },
    [onInsert, ticketId, message, t],
  );
  const rate = (sid: string, helpful: boolean) => {
    react(sid, { helpful });
    assistApi
      .rated(ticketId, sid, helpful)
      .then(() => message.success(t('assist.panel.rated')))
      .catch((err: unknown) => message.error(errorMessage(err, t)));
  };

  const usedTag = (sid: string) => reactions[sid]?.used && <Tag color="green">{t('assist.panel.used')}</Tag>;

  const article = (a: ArticleSuggestion) => (
    <List.Item style={{ display: 'block', padding: '6px 0' }} data-testid={`suggestion-article-${a.articleId}`}>
      <Space size={4} wrap style={{ width: '100%' }}>
        <Typography.Text strong>
          <span className="gd-suggestion-content" dangerouslySetInnerHTML={{ __html: a.titleHtml }} />
        </Typography.Text>
        {usedTag(a.suggestionId)}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '2px 0', fontSize: 12 }} ellipsis={{ rows: 3 }}>
        <span className="gd-snippet gd-suggestion-content" dangerouslySetInnerHTML={{ __html: a.snippet }} />
      </Typography.Paragraph>
      <Space size={4} wrap>
        {a.url ? (
          <Button size="small" icon={<LinkOutlined aria-hidden />} onClick={() => insert(a.suggestionId, articleLink(a), 'link')} data-testid={`suggestion-link-${a.articleId}`}>
            {t('assist.panel.insertLink')}
          </Button>
        ) : (
          <Tooltip title={t('assist.panel.internalHelp')}>
            <Tag data-testid={`suggestion-internal-${a.articleId}`}>{t('assist.panel.internal')}</Tag>
          </Tooltip>
        )}
        <Button size="small" icon={<SnippetsOutlined aria-hidden />} onClick={() => insert(a.suggestionId, a.text, 'text')} data-testid={`suggestion-text-${a.articleId}`}>
          {t('assist.panel.insertText')}
        </Button>
        <Thumbs id={a.articleId} value={reactions[a.suggestionId]?.helpful ?? null} onRate={(h) => rate(a.suggestionId, h)} />
      </Space>
    </List.Item>
  );

  const solved = (s: SolvedSuggestion) => (
    <List.Item style={{ display: 'block', padding: '6px 0' }} data-testid={`suggestion-ticket-${s.number}`}>
      <Space size={4} wrap style={{ width: '100%' }}>
        <Link to={`/tickets/${s.number}`}>#{s.number}</Link>
        <Typography.Text ellipsis style={{ maxWidth: 200 }} title={s.title} className="gd-suggestion-content">
          {s.title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assist.panel.match', { percent: formatPercent(s.score) })}
        </Typography.Text>
        {usedTag(s.suggestionId)}
      </Space>
      {s.solution ? (
        <Typography.Paragraph style={{ margin: '2px 0', fontSize: 12 }} ellipsis={{ rows: 3, expandable: true }} data-testid={`suggestion-solution-${s.number}`}>
          <Typography.Text type="secondary">{t(`assist.panel.solutionFrom.${s.solutionSource ?? 'resolution'}`)}：</Typography.Text>
          <span className="gd-suggestion-content">{s.solution}</span>
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {t('assist.panel.noSolution')}
        </Typography.Text>
      )}
      <Space size={4} wrap>
        {s.solution && (
          <Button size="small" icon={<SnippetsOutlined aria-hidden />} onClick={() => insert(s.suggestionId, s.solution!, 'text')} data-testid={`suggestion-solution-insert-${s.number}`}>
            {t('assist.panel.insertSolution')}
          </Button>
        )}
        <Thumbs id={String(s.number)} value={reactions[s.suggestionId]?.helpful ?? null} onRate={(h) => rate(s.suggestionId, h)} />
      </Space>
    </List.Item>
  );

  const body = () => {
    if (!data && !error) return <Skeleton active paragraph={{ rows: 3 }} />;
    if (!data)
      return (
        <Typography.Text type="secondary" data-testid="suggestions-error">
          {t('assist.panel.loadFailed')}: {errorMessage(error, t)}
        </Typography.Text>
      );
    if (!data.articles.length && !data.solvedTickets.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assist.panel.empty')} style={{ margin: 0 }} data-testid="suggestions-empty" />;
    return (
      <>
        {data.articles.length > 0 && (
          <>
            <Typography.Text strong>{t('assist.panel.articles')}</Typography.Text>
            <List size="small" dataSource={data.articles} renderItem={article} rowKey="suggestionId" data-testid="suggestion-articles" />
          </>
        )}
        {data.solvedTickets.length > 0 && (
          <>
            <Typography.Text strong>{t('assist.panel.solved')}</Typography.Text>
            <List size="small" dataSource={data.solvedTickets} renderItem={solved} rowKey="suggestionId" data-testid="suggestion-solved" />
          </>
        )}
      </>
    );
  };

  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      data-testid="suggestions-panel"
      title={t('assist.panel.title')}
      extra={<Button type="text" size="small" icon={<ReloadOutlined aria-hidden />} loading={loading} aria-label={t('assist.panel.refresh')} onClick={() => setReload((n) => n + 1)} data-testid="suggestions-refresh" />}
    >
      {body()}
    </Card>
  );
}
