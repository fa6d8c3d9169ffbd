import { VerticalAlignBottomOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Empty, Flex, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, TicketEvent } from '../../api/types';
import { errorMessage } from '../../common/api-errors';
import { useLocalName, useLookups, useUserNames } from '../../common/lookups';
import { userIdsIn, type NameResolver } from './event-text';
import { TimelineEntry } from './timeline-entry';

// The virtualised timeline: only the entries in view are rendered, so a ticket with hundreds of
// entries scrolls like one with ten; the next page loads as the end comes into view. The box is as
// tall as its entries, up to `height` (a short ticket leaves no empty space); 跳到最新 sits under
// the box, not over the last entry, and only while there is more below.

interface Props {
  events: TicketEvent[];
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  onLoadMore: () => void;
  attachments: Map<string, Attachment>;
  /** The most the box may take (the rest of the screen); fewer entries make it shorter. */
  height: number;
}

/** Room under the entries for the end marker (以上是全部记录) or the loading spinner. */
export const TIMELINE_FOOTER = 40;

/** The box's height: its entries and footer, at most `max`. */
export const timelineBoxHeight = (contentHeight: number, max: number) => Math.min(max, Math.ceil(contentHeight) + TIMELINE_FOOTER);

/** Names for the ids the events mention; the users among them are fetched by id as needed. */
export function useNameResolver(events: TicketEvent[]): NameResolver {
  const { categoryById, teamById, ticketTypes } = useLookups();
  const userIds = useMemo(() => userIdsIn(events), [events]);
  const userById = useUserNames(userIds);
  const name = useLocalName();
  return useMemo(
    () => ({
      category: (id) => (categoryById.has(id) ? name(categoryById.get(id)) : undefined),
      team: (id) => teamById.get(id)?.name,
      user: (id) => userById.get(id)?.name,
      ticketType: (id) => {
        const tt = ticketTypes.find((x) => x.id === id);
        return tt ? name(tt) : undefined;
      },
    }),
    [categoryById, teamById, userById, ticketTypes, name],
  );
}

export function Timeline({ events, hasMore, loading, error, onLoadMore, attachments, height }: Props) {
  const { t } = useTranslation();
  const names = useNameResolver(events);
  const scroller = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(false);
  const [atEnd, setAtEnd] = useState(true);
  const checkEnd = () => {
    const el = scroller.current;
    if (el) setAtEnd(el.scrollTop + el.clientHeight >= el.scrollHeight - 4);
  };
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 6,
    getItemKey: (i) => events[i].id,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loading && !error && lastIndex >= events.length - 10) onLoadMore();
  }, [lastIndex, events.length, hasMore, loading, error, onLoadMore]);

  // "jump to latest": keep loading pages, then scroll to the last entry
  useEffect(() => {
    if (!following) return;
    if (hasMore) {
      if (!loading && !error) onLoadMore();
      return;
    }
    if (events.length) virtualizer.scrollToIndex(events.length - 1, { align: 'end' });
    setFollowing(false);
  }, [following, hasMore, loading, error, events.length, onLoadMore, virtualizer]);

  const total = virtualizer.getTotalSize();
  // whether there is anything below the box's bottom, as its size or the entries change
  useEffect(checkEnd, [total, height, events.length]);

  if (!events.length && !loading && !error) return <Empty description={t('timeline.empty')} />;
  const boxHeight = timelineBoxHeight(total + (error != null ? 64 : 0), height);
  return (
    <div>
      <div ref={scroller} data-testid="timeline" onScroll={checkEnd} style={{ height: boxHeight, overflowY: 'auto', contain: 'strict' }}>
        <div style={{ height: total, position: 'relative', width: '100%' }}>
          {items.map((v) => (
            <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start}px)`, paddingBottom: 8 }}>
              <TimelineEntry event={events[v.index]} names={names} attachments={attachments} />
            </div>
          ))}
        </div>
        <Flex justify="center" style={{ padding: 8, minHeight: TIMELINE_FOOTER, boxSizing: 'border-box' }}>
          {loading ? <Spin size="small" tip={t('detail.loadingMore')} /> : !hasMore && events.length > 0 && <Typography.Text type="secondary">{t('detail.timelineEnd')}</Typography.Text>}
        </Flex>
        {error != null && <Alert type="error" showIcon title={errorMessage(error, t)} action={<Button onClick={onLoadMore}>{t('app.retry')}</Button>} />}
      </div>
      {(hasMore || !atEnd) && (
        <Flex justify="flex-end" style={{ paddingTop: 8 }}>
          <Button size="small" shape="round" icon={<VerticalAlignBottomOutlined aria-hidden />} onClick={() => setFollowing(true)} data-testid="jump-latest">
            {t('detail.jumpLatest')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
