import { FilterOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Drawer, Flex, Grid, Select, Space, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ticketsApi, viewsApi } from '../../api/endpoints';
import type { SavedView, Ticket, TicketFilters } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { errorMessage } from '../../common/api-errors';
import { useLiveMessages } from '../../common/live-context';
import { useAvailableHeight } from '../../common/use-element-height';
import { formatNumber } from '../../i18n/format';
import { usePhone } from '../../layout/use-phone';
import { saveQueue } from '../queue';
import { BulkBar } from './bulk-bar';
import { FilterBar } from './filter-bar';
import { BUILTIN_VIEWS, builtinView, builtinViewState, cleanFilters, isBareQueue, landingView, parseListState, savedViewState, toSearchParams, type BuiltinViewKey, type ListState } from './list-state';
import { SaveViewModal } from './save-view-modal';
import { TicketCards } from './ticket-cards';
import { TicketTable } from './ticket-table';
import { useTicketPages } from './use-ticket-pages';
import { ViewsPanel } from './views-panel';

// The queue: views on the left, filters above, the virtual table, bulk actions, live "N new". On a
// phone: the view picker and a filter button on top, filters in a drawer, the tickets as cards.

export default function TicketListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = usePhone();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params, me), [params, me]);
  const [landed, setLanded] = useState<BuiltinViewKey | null>(null);
  // any change the user makes ends the notice about where the queue opened
  const setState = useCallback(
    (s: ListState) => {
      setLanded(null);
      setParams(toSearchParams(s));
    },
    [setParams],
  );
  const setFilters = (filters: TicketFilters) => setState({ ...state, view: 'custom', filters });

  const pages = useTicketPages(state.filters, state.sort);
  const [selected, setSelected] = useState<string[]>([]);
  const [newCount, setNewCount] = useState(0);
  const [countsKey, setCountsKey] = useState(0);
  const [saved, setSaved] = useState<SavedView[]>([]);
  const [viewsAvailable, setViewsAvailable] = useState(true);
  const [saving, setSaving] = useState(false);
  const tableBox = useRef<HTMLDivElement>(null);
  const height = useAvailableHeight(tableBox, 72);

  // opened bare (from the menu, after sign-in) onto an empty 我的待办: go where the work is
  const landing = useRef<'waiting' | 'loading' | 'done'>(isBareQueue(params) ? 'waiting' : 'done');
  useEffect(() => {
    // decided on the answer to the first page, not before it was asked for
    if (landing.current === 'waiting' && pages.loading) landing.current = 'loading';
    if (landing.current !== 'loading' || pages.loading) return;
    landing.current = 'done';
    if (state.view !== 'mine' || pages.items.length || pages.error != null) return;
    const next = builtinViewState(landingView(me), me, state.columns);
    if (!next) return;
    setLanded(next.view as BuiltinViewKey);
    setParams(toSearchParams(next), { replace: true });
  }, [pages.loading, pages.items.length, pages.error, state.view, state.columns, me, setParams]);

  useEffect(() => {
    viewsApi
      .list()
      .then((r) => setSaved(r.items))
      .catch(() => setViewsAvailable(false));
  }, []);

  useEffect(() => {
    setSelected([]);
    setNewCount(0);
  }, [params]);

  useEffect(() => {
    saveQueue({ ids: pages.items.map((x) => String(x.number)), search: params.toString() });
  }, [pages.items, params]);

  // live: new tickets are announced, tickets on screen are refreshed in place, counts follow
  const countsTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveMessages((m) => {
    if (m.type !== 'ticket.event') return;
    if (m.event.kind === 'ticket.created') setNewCount((n) => n + 1);
    else if (pages.items.some((x) => x.id === m.ticketId)) ticketsApi.get(m.ticketId).then(pages.replace).catch(() => undefined);
    if (!countsTimer.current)
      countsTimer.current = setTimeout(() => {
        countsTimer.current = null;
        setCountsKey((k) => k + 1);
      }, 5000);
  });
  useEffect(() => () => void (countsTimer.current && clearTimeout(countsTimer.current)), []);

  const showNew = () => {
    setNewCount(0);
    pages.reload();
    setCountsKey((k) => k + 1);
  };

  const open = (x: Ticket) => navigate(`/tickets/${x.number}`);
  const currentSaved = saved.find((v) => v.id === state.view && (!v.ownerId || v.ownerId === me.id)) ?? null;
  const selectedTickets = pages.items.filter((x) => selected.includes(x.id));

  const filterBar = (stacked: boolean) => (
    <FilterBar
      filters={state.filters}
      sort={state.sort}
      columns={state.columns}
      onFilters={setFilters}
      onSort={(sort) => setState({ ...state, sort })}
      onColumns={(columns) => setState({ ...state, columns })}
      onRefresh={showNew}
      stacked={stacked}
    />
  );

  const viewSelect = (
    <Select
      data-testid="view-select"
      value={BUILTIN_VIEWS.includes(state.view as never) || saved.some((v) => v.id === state.view) ? state.view : undefined}
      placeholder={t('views.title')}
      style={phone ? { flex: 1, minWidth: 0 } : { width: 180 }}
      onChange={(key) => {
        const v = saved.find((s) => s.id === key);
        const next = v ? savedViewState(v) : builtinViewState(key as never, me, state.columns);
        if (next) setState(next);
      }}
      options={[
        ...BUILTIN_VIEWS.map((k) => (builtinView(k, me) ? { value: k, label: t(`views.${k}`) } : { value: k, label: `${t(`views.${k}`)}（${t('views.noTeamHint')}）`, disabled: true })),
        ...saved.map((v) => ({ value: v.id, label: v.name })),
      ]}
    />
  );

  return (
    <Flex gap={16} style={{ height: '100%' }}>
      {screens.lg && !phone && (
        <div style={{ width: 220, flexShrink: 0 }}>
          <ViewsPanel
            me={me}
            active={state.view}
            saved={saved}
            refreshKey={countsKey}
            onBuiltin={(k) => {
              const next = builtinViewState(k, me, state.columns);
              if (next) setState(next);
            }}
            onSaved={(v) => setState(savedViewState(v))}
            onDelete={(v) =>
              viewsApi
                .remove(v.id)
                .then(() => {
                  setSaved((s) => s.filter((x) => x.id !== v.id));
                  message.success(t('views.deleted'));
                })
                .catch((err) => message.error(errorMessage(err, t)))
            }
          />
        </div>
      )}
      <Flex vertical gap={phone ? 8 : 12} style={{ flex: 1, minWidth: 0 }}>
        {phone ? (
          <Flex gap={8} align="center" data-testid="phone-list-bar">
            {viewSelect}
            <Badge count={Object.keys(cleanFilters(state.filters)).length} size="small">
              <Button icon={<FilterOutlined aria-hidden />} onClick={() => setFiltersOpen(true)} data-testid="filters-button">
                {t('list.filters')}
              </Button>
            </Badge>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/tickets/new')} data-testid="new-ticket">
              {t('list.newTicketShort')}
            </Button>
          </Flex>
        ) : (
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Space>
              {!screens.lg && viewSelect}
              <Typography.Text type="secondary" data-testid="list-loaded">
                {t('list.loaded', { count: formatNumber(pages.items.length) as unknown as number })}
              </Typography.Text>
            </Space>
            <Space>
              <Tooltip title={viewsAvailable ? '' : t('views.unavailable')}>
                <Button icon={<SaveOutlined aria-hidden />} disabled={!viewsAvailable} onClick={() => setSaving(true)} data-testid="save-view">
                  {currentSaved ? t('views.update') : t('views.saveAs')}
                </Button>
              </Tooltip>
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/tickets/new')} data-testid="new-ticket">
                {t('nav.newTicket')}
              </Button>
            </Space>
          </Flex>
        )}
        {phone ? (
          <Drawer placement="bottom" size="85%" open={filtersOpen} onClose={() => setFiltersOpen(false)} title={t('list.filters')} data-testid="filters-drawer">
            {filterBar(true)}
          </Drawer>
        ) : (
          filterBar(false)
        )}
        {landed && <Alert type="info" showIcon closable title={t('list.landed', { view: t(`views.${landed}`) })} onClose={() => setLanded(null)} data-testid="landed-notice" />}
        {newCount > 0 && (
          <Alert
            data-testid="new-tickets-banner"
            type="info"
            showIcon
            style={{ cursor: 'pointer' }}
            onClick={showNew}
            title={t('list.newBanner', { count: newCount })}
          />
        )}
        {pages.error != null && <Alert type="error" showIcon title={errorMessage(pages.error, t)} action={<Button onClick={pages.reload}>{t('app.retry')}</Button>} />}
        {!phone && (
          <BulkBar
            selected={selectedTickets}
            onDone={(left) => {
              setSelected(left);
              pages.reload();
              setCountsKey((k) => k + 1);
            }}
          />
        )}
        <div ref={tableBox} style={{ flex: 1, minHeight: 0 }}>
          {phone ? (
            <TicketCards items={pages.items} loading={pages.loading} onOpen={open} />
          ) : (
            <TicketTable
              items={pages.items}
              columns={state.columns}
              loading={pages.loading}
              hasMore={pages.hasMore}
              height={height - 56}
              selected={selected}
              onSelect={setSelected}
              onLoadMore={pages.loadMore}
              onOpen={open}
            />
          )}
          <Flex justify="center" style={{ paddingTop: 8 }}>
            {pages.hasMore ? (
              <Button size="small" loading={pages.loading} onClick={pages.loadMore} data-testid="load-more">
                {t('list.loadMore')}
              </Button>
            ) : (
              pages.items.length > 0 && <Typography.Text type="secondary">{t('list.end')}</Typography.Text>
            )}
          </Flex>
        </div>
      </Flex>
      <SaveViewModal
        open={saving}
        state={state}
        current={currentSaved}
        onClose={() => setSaving(false)}
        onSaved={(v) => {
          setSaving(false);
          setSaved((s) => [...s.filter((x) => x.id !== v.id), v]);
          setState(savedViewState(v));
          message.success(t('views.saved_ok'));
        }}
      />
    </Flex>
  );
}
