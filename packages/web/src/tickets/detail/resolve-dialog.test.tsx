import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../api/types';
import type { SignedIn } from '../../auth/auth-context';
import { LookupsProvider } from '../../common/lookups';
import { renderUi, stubFetch } from '../../test/render';
import { resolveRequirements } from './resolve-dialog';
import { SidePanel } from './side-panel';

const ID = '0190a0a0-0000-7000-8000-0000000000t1';
const CAT = '0190a0a0-0000-7000-8000-0000000000c1';
const TYPE = '0190a0a0-0000-7000-8000-0000000000y1';
const me = { type: 'user', id: '0190a0a0-0000-7000-8000-0000000000u1', name: '坐席小王', role: 'agent', scope: 'all', teamIds: [], contactId: null, tenantId: 't' } satisfies SignedIn;
const base = { id: ID, number: 1042, title: '三楼打印机卡纸', status: 'open', priority: 'normal', channel: 'phone', typeId: null, categoryId: null, teamId: null, assigneeId: null, tags: [], customFields: {}, missingFields: [], watcherIds: [], resolution: null } as unknown as Ticket;
const lookups = (types: unknown[] = []) => ({
  'GET /api/v1/categories': () => ({ status: 200, body: { items: [{ id: CAT, parentId: null, nameZh: '打印机', nameEn: 'Printers', position: 0, active: true }] } }),
  'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: types } }),
  'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
  'GET /api/v1/custom-fields': () => ({ status: 200, body: { items: [] } }),
  [`GET /api/v1/tickets/${ID}/watchers`]: () => ({ status: 200, body: { items: [] } }),
});

function Page({ ticket }: { ticket: Ticket }) {
  const [current, setCurrent] = useState(ticket);
  return (
    <MemoryRouter>
      <LookupsProvider>
        <SidePanel ticket={current} me={me} version={0} onUpdated={setCurrent} />
      </LookupsProvider>
    </MemoryRouter>
  );
}

const ok = () => act(async () => void fireEvent.click(screen.getByTestId('resolve-ok')));

/** Picks 已解决 once: the select keeps the ticket's status while the dialog asks (the test helper `choose` waits for the select to show it). */
async function pickResolved() {
  const select = await screen.findByTestId('field-status');
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  const options = screen.getAllByText('已解决').filter((el) => el.closest('.ant-select-item-option'));
  await act(async () => void fireEvent.click(options[options.length - 1]));
}

describe('picking 已解决', () => {
  it('asks for the resolution note first, then resolves with one PATCH and shows the note', async () => {
    const calls = stubFetch({
      ...lookups(),
      [`PATCH /api/v1/tickets/${ID}`]: (b) => ({ status: 200, body: { ...base, categoryId: CAT, assigneeId: me.id, ...(b as object) } }),
    });
    renderUi(<Page ticket={{ ...base, categoryId: CAT, assigneeId: me.id }} />);
    await pickResolved();
    await screen.findByTestId('resolve-note');
    // the ticket has its category and assignee: only the note is asked
    expect(screen.queryByTestId('resolve-category')).toBeNull();
    expect(screen.queryByTestId('resolve-assignee')).toBeNull();
    await ok();
    expect(await screen.findByText('解决前必须填写')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);
    fireEvent.change(screen.getByTestId('resolve-note'), { target: { value: ' 更换了定影器，测试打印正常 ' } });
    await ok();
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toEqual([{ method: 'PATCH', url: `/api/v1/tickets/${ID}`, body: { status: 'resolved', resolution: '更换了定影器，测试打印正常' } }]));
    expect((await screen.findByTestId('ticket-resolution')).textContent).toBe('解决说明：更换了定影器，测试打印正常');
  });

  it('also asks for the category and assignee a ticket without them needs, the assignee being the agent resolving', async () => {
    const calls = stubFetch({ ...lookups(), [`PATCH /api/v1/tickets/${ID}`]: (b) => ({ status: 200, body: { ...base, ...(b as object) } }) });
    renderUi(<Page ticket={base} />);
    await pickResolved();
    fireEvent.change(await screen.findByTestId('resolve-note'), { target: { value: '重新安装了驱动' } });
    expect((await screen.findByTestId('resolve-assignee')).textContent).toContain('坐席小王');
    const tree = screen.getByTestId('resolve-category');
    fireEvent.mouseDown(tree.querySelector('.ant-select-selector') ?? tree);
    const node = (await screen.findAllByText('打印机')).find((el) => el.closest('.ant-select-tree'))!;
    await act(async () => void fireEvent.click(node));
    await waitFor(() => expect(screen.getByTestId('resolve-category').textContent).toContain('打印机'));
    await ok();
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'resolved', resolution: '重新安装了驱动', categoryId: CAT, assigneeId: me.id }));
  });

  it('asks only what the ticket type requires, and says in words what the server still wants', async () => {
    stubFetch({
      ...lookups([{ id: TYPE, key: 'consult', nameZh: '咨询', nameEn: 'Question', active: true, resolveRequires: ['resolution'] }]),
      [`PATCH /api/v1/tickets/${ID}`]: () => ({
        status: 409,
        body: { error: { code: 'INVALID_TRANSITION', message: 'To resolve this ticket, give: categoryId', field: 'categoryId', details: [{ field: 'categoryId', code: 'required_to_resolve', message: 'x' }] } },
      }),
    });
    renderUi(<Page ticket={{ ...base, typeId: TYPE }} />);
    await pickResolved();
    fireEvent.change(await screen.findByTestId('resolve-note'), { target: { value: '已告知开票流程' } });
    expect(screen.queryByTestId('resolve-category')).toBeNull();
    await ok();
    expect((await screen.findByTestId('resolve-error')).textContent).toBe('解决前还需要填写：分类');
  });

  it('takes a type without its requirements (an older server) to need all three', () => {
    expect(resolveRequirements({ typeId: null }, [])).toEqual(['resolution', 'category', 'assignee']);
    expect(resolveRequirements({ typeId: TYPE }, [{ id: TYPE }])).toEqual(['resolution', 'category', 'assignee']);
    expect(resolveRequirements({ typeId: TYPE }, [{ id: TYPE, resolveRequires: [] }])).toEqual([]);
  });
});
