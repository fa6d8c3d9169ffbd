import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../../test/render';
import { PolicyModal } from './policy-form';

// The dispatch policy (派单方式) form: each weight shows its value, and a number out of range is refused with
// why instead of being changed (a tester's -5 s accept time was saved as 10 s).

function start() {
  const calls = stubFetch({
    'GET /api/v1/teams': () => ({ status: 200, body: { items: [{ id: '0190a0a0-0000-7000-8000-0000000000t1', name: '电梯维保组', memberIds: [] }] } }),
    'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/users': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
    'PUT /api/v1/dispatch/policies': (b) => ({ status: 200, body: b }),
  });
  renderUi(<PolicyModal editing="new" onClose={() => undefined} onSaved={() => undefined} />);
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
});
