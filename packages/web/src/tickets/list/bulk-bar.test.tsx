import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubFetch } from '../../test/render';
import { renderApp } from '../../test/render-app';
import { choose } from '../../test/select';

// 改状态 → 已解决 from the queue asks what resolving needs, as a single ticket's page does: the note,
// and a category / assignee for the tickets that need one (given to those only); tickets left as they
// were are listed with the reason in Chinese.

const me = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '王芳', role: 'agent', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };
const CAT = '0190a0a0-0000-7000-8000-0000000000c1';
const ticket = (n: number, extra: object = {}) => ({
  id: `0190a0a0-0000-7000-8000-0000000${n}`,
  number: n,
  title: `打印机故障 ${n}`,
  status: 'open',
  priority: 'normal',
  channel: 'phone',
  typeId: null,
  categoryId: null,
  assigneeId: null,
  requesterName: '张三',
  assigneeName: null,
  teamName: null,
  tags: [],
  customFields: {},
  createdAt: '2026-11-22T08:00:00Z',
  updatedAt: '2026-11-22T08:00:00Z',
  ...extra,
});
const ready = ticket(10001, { categoryId: CAT, assigneeId: me.id, assigneeName: '王芳' });
const bare = ticket(10002);

function start(bulk: (body: { ids: string[]; changes: Record<string, unknown> }) => { updated: string[]; failed: unknown[] }) {
  window.history.pushState({}, '', '/tickets?view=all');
  const calls = stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
    'GET /api/v1/tickets': () => ({ status: 200, body: { items: [ready, bare], nextCursor: null } }),
    'GET /api/v1/tickets/count': () => ({ status: 200, body: { count: 2 } }),
    'GET /api/v1/views': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/categories': () => ({ status: 200, body: { items: [{ id: CAT, parentId: null, nameZh: '打印机', nameEn: 'Printers', position: 0, active: true }] } }),
    'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/users': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    'POST /api/v1/tickets/bulk': (b) => ({ status: 200, body: bulk(b as never) }),
  });
  renderApp();
  return calls;
}

const bulkCalls = (calls: { method: string; url: string; body: unknown }[]) => calls.filter((c) => c.method === 'POST' && c.url === '/api/v1/tickets/bulk').map((c) => c.body);
const apply = () => act(async () => void fireEvent.click(screen.getByTestId('bulk-apply')));

async function selectBothAndResolve() {
  await screen.findByTestId('ticket-row-10002');
  fireEvent.click(screen.getByLabelText('选择工单 #10001'));
  fireEvent.click(screen.getByLabelText('选择工单 #10002'));
  fireEvent.click(await screen.findByTestId('bulk-action-status'));
  await choose('bulk-status', '已解决');
}

describe('bulk 已解决 from the queue', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('asks for the note (and the category and assignee a ticket lacks), gives those only to that ticket, then resolves all with the note', async () => {
    const calls = start(({ ids }) => ({ updated: ids, failed: [] }));
    await selectBothAndResolve();
    // the note is asked; 10002 has no category and no assignee, so those are asked too (the assignee: me)
    await screen.findByTestId('resolve-note');
    expect(screen.getByTestId('resolve-category')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('resolve-assignee').textContent).toContain('王芳'));
    // without the note (and the category) nothing is sent
    await apply();
    expect((await screen.findAllByText('解决前必须填写')).length).toBeGreaterThan(0);
    expect(bulkCalls(calls)).toEqual([]);
    fireEvent.change(screen.getByTestId('resolve-note'), { target: { value: ' 统一更换了硒鼓 ' } });
    const tree = screen.getByTestId('resolve-category');
    fireEvent.mouseDown(tree.querySelector('.ant-select-selector') ?? tree);
    const node = (await screen.findAllByText('打印机')).find((el) => el.closest('.ant-select-tree'))!;
    await act(async () => void fireEvent.click(node));
    await waitFor(() => expect(screen.getByTestId('resolve-category').textContent).toContain('打印机'));
    await apply();
    await waitFor(() =>
      expect(bulkCalls(calls)).toEqual([
        { ids: [bare.id], changes: { categoryId: CAT } },
        { ids: [bare.id], changes: { assigneeId: me.id } },
        { ids: [ready.id, bare.id], changes: { status: 'resolved', resolution: '统一更换了硒鼓' } },
      ]),
    );
  });

  it('lists the tickets that could not be resolved, with what each still needs, in Chinese', async () => {
    const calls = start(({ ids, changes }) =>
      changes.status
        ? { updated: [ready.id], failed: [{ id: bare.id, error: { code: 'INVALID_TRANSITION', message: 'To resolve this ticket, give: categoryId', missing: ['categoryId'] } }] }
        : { updated: ids, failed: [] },
    );
    await selectBothAndResolve();
    fireEvent.change(await screen.findByTestId('resolve-note'), { target: { value: '已远程处理' } });
    const tree = screen.getByTestId('resolve-category');
    fireEvent.mouseDown(tree.querySelector('.ant-select-selector') ?? tree);
    const node = (await screen.findAllByText('打印机')).find((el) => el.closest('.ant-select-tree'))!;
    await act(async () => void fireEvent.click(node));
    await apply();
    await waitFor(() => expect(bulkCalls(calls)).toHaveLength(3));
    const alert = await screen.findByText((_, el) => !!el?.classList.contains('ant-alert-title') && el.textContent!.includes('#10002'));
    expect(alert.textContent).toBe('#10002：解决前还需要填写：分类');
    expect(alert.textContent).not.toMatch(/[A-Za-z]{3,}/);
    // the ticket left as it was stays selected, the one resolved does not
    await waitFor(() => expect((screen.getByLabelText('选择工单 #10002') as HTMLInputElement).checked).toBe(true));
    expect((screen.getByLabelText('选择工单 #10001') as HTMLInputElement).checked).toBe(false);
  });

  it('changes other statuses without asking', async () => {
    const calls = start(({ ids }) => ({ updated: ids, failed: [] }));
    await screen.findByTestId('ticket-row-10002');
    fireEvent.click(screen.getByLabelText('选择工单 #10002'));
    fireEvent.click(await screen.findByTestId('bulk-action-status'));
    await choose('bulk-status', '挂起');
    expect(screen.queryByTestId('resolve-note')).toBeNull();
    await apply();
    await waitFor(() => expect(bulkCalls(calls)).toEqual([{ ids: [bare.id], changes: { status: 'on_hold' } }]));
  });
});
