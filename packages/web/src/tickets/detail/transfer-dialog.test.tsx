import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../../api/types';
import type { SignedIn } from '../../auth/auth-context';
import { renderUi, stubFetch } from '../../test/render';
import { TransferDialog, type TransferTarget } from './transfer-dialog';

const ID = '0190a0a0-0000-7000-8000-0000000000t1';
const WU = '0190a0a0-0000-7000-8000-0000000000e1';
const TEAM = '0190a0a0-0000-7000-8000-0000000000g1';
const agent = { type: 'user', id: '0190a0a0-0000-7000-8000-0000000000u1', name: '坐席张伟', role: 'agent', scope: 'all', teamIds: [], contactId: null, tenantId: 't' } satisfies SignedIn;
const supervisor = { ...agent, name: '主管陈志强', role: 'supervisor' } satisfies SignedIn;
const ticket = { id: ID, number: 10328, title: '电梯困人', status: 'open', priority: 'urgent', teamId: 'g0', assigneeId: null } as unknown as Ticket;

const refused = { status: 409, body: { error: { code: 'DISPATCH_RULE_VIOLATION', message: '吴磊 may not take this ticket', field: 'assigneeId', details: [{ field: 'assigneeId', code: 'not_allowed', message: 'x', value: 'certification' }] } } };
const candidates = { status: 200, body: { need: {}, current: null, candidates: [], excluded: [{ userId: WU, name: '吴磊', reasons: [{ rule: 'certification', detail: { certification: '特种设备作业证' } }, { rule: 'shift', detail: {} }] }], outlets: [] } };

function open(me: SignedIn, target: TransferTarget) {
  const onUpdated = vi.fn();
  renderUi(<TransferDialog ticket={ticket} me={me} target={target} onClose={() => undefined} onUpdated={onUpdated} />);
  return onUpdated;
}

describe('转派 / 改派 on the ticket', () => {
  it('moving to another team needs a reason, which goes with the change', async () => {
    const calls = stubFetch({ [`PATCH /api/v1/tickets/${ID}`]: (b) => ({ status: 200, body: { ...ticket, ...(b as object) } }) });
    const onUpdated = open(agent, { field: 'teamId', to: TEAM });
    fireEvent.click(await screen.findByTestId('transfer-ok'));
    expect(await screen.findByText('转到其他技能组需要填写原因')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    fireEvent.change(screen.getByTestId('transfer-reason'), { target: { value: '后备组无人持证，转回电梯组' } });
    fireEvent.click(screen.getByTestId('transfer-ok'));
    await waitFor(() => expect(onUpdated).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ teamId: TEAM, transferReason: '后备组无人持证，转回电梯组' });
  });

  it('an agent refused by the dispatch rules sees which rules, and cannot override', async () => {
    stubFetch({ [`PATCH /api/v1/tickets/${ID}`]: () => refused, [`GET /api/v1/tickets/${ID}/dispatch/candidates`]: () => candidates });
    open(agent, { field: 'assigneeId', to: WU, refused: true });
    const rules = await screen.findByTestId('transfer-rules');
    await waitFor(() => expect(rules.textContent).toContain('特种设备作业证'));
    expect(document.body.textContent).toContain('只有主管或管理员可以违反派单规则强制派单');
    expect((screen.getByTestId('transfer-ok') as HTMLButtonElement).disabled).toBe(true);
  });

  it('a supervisor overrides with a reason after the server refused the person', async () => {
    let sent: unknown = null;
    stubFetch({
      [`PATCH /api/v1/tickets/${ID}`]: (b) => ((b as { transferReason?: string }).transferReason ? ((sent = b), { status: 200, body: { ...ticket, assigneeId: WU } }) : refused),
      [`GET /api/v1/tickets/${ID}/dispatch/candidates`]: () => candidates,
    });
    const onUpdated = open(supervisor, { field: 'assigneeId', to: WU });
    fireEvent.click(await screen.findByTestId('transfer-ok'));
    expect(await screen.findByTestId('transfer-rules')).toBeTruthy();
    expect(screen.getByTestId('transfer-ok').textContent).toContain('强制派单');
    fireEvent.click(screen.getByTestId('transfer-ok'));
    expect(await screen.findByText('强制派单须填写原因，将记入工单历史')).toBeTruthy();
    fireEvent.change(screen.getByTestId('transfer-reason'), { target: { value: '持证人员都在外地，先派吴磊到场' } });
    fireEvent.click(screen.getByTestId('transfer-ok'));
    await waitFor(() => expect(onUpdated).toHaveBeenCalled());
    expect(sent).toEqual({ assigneeId: WU, transferReason: '持证人员都在外地，先派吴磊到场' });
  });
});
