import { describe, expect, it } from 'vitest';
import type { SavedView } from '../../api/types';
import { DEFAULT_COLUMNS, parseListState, savedViewState, toSearchParams, type ListState } from './list-state';

/** A saved view as GET /views answers it. */
const view = (v: Pick<SavedView, 'id' | 'name' | 'filters' | 'columns' | 'sort' | 'shared'>): SavedView => ({
  ownerId: '0190a0a0-0000-7000-8000-0000000000u1',
  ownerName: '王芳',
  canEdit: true,
  createdAt: '2026-11-22T08:00:00Z',
  updatedAt: '2026-11-22T08:00:00Z',
  ...v,
});

const me = { teamIds: ['0190a0a0-0000-7000-8000-000000000001'] };

describe('ticket list state ↔ URL', () => {
  it('opens "my open tickets" when the URL says nothing', () => {
    const s = parseListState(new URLSearchParams(''), me);
    expect(s.view).toBe('mine');
    expect(s.filters).toEqual({ assignee: 'me', status: ['new', 'open', 'pending', 'on_hold'] });
    expect(s.columns).toEqual(DEFAULT_COLUMNS);
  });

  it('takes a built-in view’s filters from its key alone', () => {
    expect(parseListState(new URLSearchParams('view=unassigned'), me).filters.assignee).toBe('none');
    expect(parseListState(new URLSearchParams('view=myTeam'), me).filters.team).toEqual(me.teamIds);
    // 我的团队 covers every team of the user
    const two = { teamIds: [...me.teamIds, '0190a0a0-0000-7000-8000-000000000002'] };
    expect(parseListState(new URLSearchParams('view=myTeam'), two).filters.team).toEqual(two.teamIds);
    expect(toSearchParams(parseListState(new URLSearchParams('view=myTeam'), two)).get('view')).toBe('myTeam');
    expect(parseListState(new URLSearchParams(`team=${two.teamIds.join(',')},none`), two).filters.team).toEqual([...two.teamIds, 'none']);
    // 待分拣: open tickets the classifiers left for a person, oldest first
    expect(parseListState(new URLSearchParams('view=triage'), me)).toMatchObject({ filters: { tag: ['待分拣'], status: ['new', 'open', 'pending', 'on_hold'] }, sort: 'created_at' });
    // without a team, "my team" falls back to all tickets
    expect(parseListState(new URLSearchParams('view=myTeam'), { teamIds: [] }).filters).toEqual({});
  });

  it('round-trips every filter, the sort and the columns', () => {
    const state: ListState = {
      view: 'all',
      filters: {
        q: '打印机 无法连接',
        status: ['open', 'pending'],
        priority: ['urgent'],
        tag: ['vip', '网络'],
        categoryId: '0190a0a0-0000-7000-8000-0000000000c1',
        team: ['0190a0a0-0000-7000-8000-0000000000f1', 'none'],
        assignee: 'me',
        requesterId: '0190a0a0-0000-7000-8000-0000000000a1',
        createdFrom: '2026-11-01',
        createdTo: '2026-11-30',
        updatedFrom: '2026-11-20',
      },
      sort: '-priority',
      columns: ['number', 'title', 'tags'],
    };
    const url = toSearchParams(state).toString();
    expect(url).toContain('status=open%2Cpending');
    expect(url).toContain('sort=-priority');
    expect(url).toContain('team=0190a0a0-0000-7000-8000-0000000000f1%2Cnone');
    expect(parseListState(new URLSearchParams(url), me)).toEqual(state);
  });

  it('drops unknown statuses, sorts and columns from a hand-edited URL', () => {
    const s = parseListState(new URLSearchParams('view=all&status=open,bogus&sort=title&cols=number,secret'), me);
    expect(s.filters.status).toEqual(['open']);
    expect(s.sort).toBe('-updated_at');
    expect(s.columns).toEqual(['number']);
  });

  it('leaves defaults out of the URL', () => {
    const p = toSearchParams({ view: 'recent', filters: { q: '  ' }, sort: '-updated_at', columns: DEFAULT_COLUMNS });
    expect(p.toString()).toBe('view=recent');
  });

  it('opens a saved view with its filters, sort and columns', () => {
    const s = savedViewState(view({ id: 'v1', name: '紧急', filters: { priority: ['urgent'], q: '' }, columns: ['title', 'nope'], sort: '-created_at', shared: true }));
    expect(s).toEqual({ view: 'v1', filters: { priority: ['urgent'] }, sort: '-created_at', columns: ['title'] });
  });

  it('reads a team saved as one string as a list of one', () => {
    const filters = { team: '0190a0a0-0000-7000-8000-0000000000f1' } as unknown as SavedView['filters'];
    expect(savedViewState(view({ id: 'v2', name: '网络组', filters, columns: [], sort: '', shared: false })).filters).toEqual({ team: ['0190a0a0-0000-7000-8000-0000000000f1'] });
  });

  it('carries the SLA filter and the 最先到期 sort through the URL', () => {
    const state = { view: 'custom', filters: { status: ['open'], sla: ['warning', 'breached'] }, sort: 'sla_due_at', columns: [...DEFAULT_COLUMNS.slice(0, 4), 'sla'] } as ListState;
    const url = toSearchParams(state).toString();
    expect(url).toBe('view=custom&status=open&sla=warning%2Cbreached&sort=sla_due_at&cols=number%2Ctitle%2Cstatus%2Cpriority%2Csla');
    expect(parseListState(new URLSearchParams(url), me)).toEqual(state);
    // a link written by hand: states the list does not filter by are dropped (已达成 is not a filter)
    const s = parseListState(new URLSearchParams('view=custom&sla=paused,achieved,bogus&sort=sla_due_at'), me);
    expect(s.filters).toEqual({ sla: ['paused'] });
    expect(s.sort).toBe('sla_due_at');
    // a saved view with an SLA filter opens with it
    expect(savedViewState(view({ id: 'v3', name: '即将超时', filters: { sla: ['warning'] } as SavedView['filters'], columns: [], sort: 'sla_due_at', shared: true }))).toMatchObject({ filters: { sla: ['warning'] }, sort: 'sla_due_at' });
  });

  it('leaves the URL of a list without SLA as it was', () => {
    const p = toSearchParams({ view: 'all', filters: { priority: ['urgent'] }, sort: '-created_at', columns: DEFAULT_COLUMNS });
    expect(p.toString()).toBe('view=all&priority=urgent&sort=-created_at');
    expect(DEFAULT_COLUMNS).not.toContain('sla');
  });
});
