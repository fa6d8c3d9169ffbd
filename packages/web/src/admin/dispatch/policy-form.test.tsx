import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../../test/render';
import { LookupsProvider } from '../../common/lookups';
import { PolicyModal } from './policy-form';

// The dispatch policy (派单方式) form: each weight shows its value, and a number out of range is refused with
// why instead of being changed (a tester's -5 s accept time was saved as 10 s).

const T1 = '0190a0a0-0000-7000-8000-0000000000t1';
const T2 = '0190a0a0-0000-7000-8000-0000000000t2';

async function choose(testId: string, label: string) {
  const select = await screen.findByTestId(testId);
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  // the dropdown opened last is the last in the document (an earlier one stays rendered, hidden)
  // waits for the option itself (the teams load after the form: under load the list can still be empty)
  const option = await waitFor(() => {
    const found = screen.getAllByText(label).filter((el) => el.closest('.ant-select-item-option')).at(-1);
    if (!found) throw new Error(`no option ${label} yet`);
    return found;
  });
  fireEvent.click(option);
}

function start() {
  const calls = stubFetch({
    'GET /api/v1/teams': () => ({ status: 200, body: { items: [{ id: T1, name: '电梯维保组', memberIds: [] }, { id: T2, name: '备用组', memberIds: [] }] } }),
    'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/users': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
    'PUT /api/v1/dispatch/policies': (b) => ({ status: 200, body: b }),
  });
  renderUi(
    <LookupsProvider>
      <PolicyModal editing="new" onClose={() => undefined} onSaved={() => undefined} />
    </LookupsProvider>,
  );
  return calls;
}

const errorUnder = (el: HTMLElement) => el.closest('.ant-form-item')!.querySelector('.ant-form-item-explain-error')?.textContent ?? '';

describe('the dispatch policy form', () => {
  it('shows each weight with its value', async () => {
    start();
    expect((await screen.findByTestId('policy-weight-label-travel')).textContent).toBe('路程：3');
    expect(screen.getByTestId('policy-weight-label-fairness').textContent).toBe('公平：4');
  });

  it('refuses an accept time out of range with words and sends nothing', async () => {
    const calls = start();
    const accept = (await screen.findByTestId('policy-accept-timeout')) as HTMLInputElement;
    fireEvent.change(accept, { target: { value: '-5' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(errorUnder(accept)).toBe('请输入 10 到 86400 之间的数'));
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('needs the overflow threshold with a backup team: a blank one is refused, never sent as 0 (which would always overflow)', async () => {
    const calls = start();
    const threshold = (await screen.findByTestId('policy-overflow-threshold')) as HTMLInputElement;
    // the label and the server's test agree: overflow starts when the queue reaches the number (>=)
    await waitFor(() => expect(threshold.closest('.ant-form-item')?.querySelector('label')?.textContent).toBe('排队达到（张）'));
    await choose('policy-team', '电梯维保组');
    await choose('policy-overflow-team', '备用组');
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(errorUnder(threshold)).toBe('选择了溢出团队时，请填写排队达到多少张开始溢出'));
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    fireEvent.change(threshold, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ scopeId: T1, overflowTeamId: T2, overflowThreshold: 3 }));
  });

  it('sends the daily limit per kind: a number set, a blank one as null (no limit)', async () => {
    const calls = start();
    const field = (await screen.findByTestId('policy-daily-field')) as HTMLInputElement;
    await waitFor(() => expect(field.closest('.ant-form-item')?.querySelector('label')?.textContent).toBe('每日上门上限'));
    expect(field.placeholder).toBe('不限');
    await choose('policy-team', '电梯维保组');
    fireEvent.change(field, { target: { value: '501' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(errorUnder(field)).toBe('请输入 0 到 500 之间的数'));
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    fireEvent.change(field, { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ scopeId: T1, defaultDailyLimit: { ticket: null, chat: null, field: 6 } }));
  });
});
