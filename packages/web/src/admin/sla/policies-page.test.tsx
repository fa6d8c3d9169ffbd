import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Providers } from '../../app';
import { useAuth } from '../../auth/auth-context';
import { renderUi, stubFetch } from '../../test/render';
import type { SlaPolicy } from '../../sla/sla-types';
import SlaPoliciesPage from './policies-page';

// Administration › SLA 策略: the policies in order, moved up and down, switched off; supervisors read.

const SignedIn = ({ children }: { children: ReactNode }) => (useAuth().me ? <>{children}</> : null);
const me = (role: string) => ({ type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '管理员', role, scope: 'all', teamIds: [], contactId: null, tenantId: 'x' });
const policy = (n: number, name: string, conditions: SlaPolicy['conditions'], firstResponseOn: SlaPolicy['firstResponseOn'] = 'reply'): SlaPolicy => ({
  id: `0190a0a0-0000-7000-8000-0000000000p${n}`,
  name,
  description: '',
  position: n,
  active: true,
  conditions,
  calendarId: null,
  targets: { urgent: { first_response: { minutes: 30, business: false }, resolution: { minutes: 240, business: true } } },
  warnRemaining: 0.3,
  firstResponseOn,
  createdAt: '2026-12-01T08:00:00Z',
  updatedAt: '2026-12-01T08:00:00Z',
});

const idle = { state: 'idle', generation: 1, requestedAt: '2026-12-01T08:00:00Z', startedAt: '2026-12-01T08:00:01Z', finishedAt: '2026-12-01T08:00:02Z', ticketsDone: 12, ticketsTotal: 0 };

function start(role = 'admin', recompute: Record<string, unknown> = idle) {
  let items = [policy(1, '大客户', { tiers: ['key_account'] }), policy(2, '默认', {}, 'accept')];
  const calls = stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me(role) }),
    'GET /api/v1/sla/recompute': () => ({ status: 200, body: recompute }),
    'GET /api/v1/sla/policies': () => ({ status: 200, body: { items } }),
    'POST /api/v1/sla/policies/reorder': (b) => {
      const ids = (b as { ids: string[] }).ids;
      items = ids.map((id) => items.find((p) => p.id === id)!);
      return { status: 200, body: { items } };
    },
    [`PUT /api/v1/sla/policies/${items[1].id}`]: (b) => ({ status: 200, body: { ...items[1], ...(b as object) } }),
  });
  renderUi(
    <Providers>
      <BrowserRouter>
        <SignedIn>
          <SlaPoliciesPage />
        </SignedIn>
      </BrowserRouter>
    </Providers>,
  );
  return calls;
}

const names = () => [...document.querySelectorAll('[data-testid^="policy-row-"]')].map((r) => r.getAttribute('data-testid')!.slice('policy-row-'.length));

describe('SLA policies administration', () => {
  it('lists the policies in order with their conditions and targets, and moves one up', async () => {
    const calls = start();
    const first = await screen.findByTestId('policy-row-大客户');
    expect(first.textContent).toContain('大客户');
    expect(first.textContent).toContain('2 项时限');
    expect(first.textContent).toContain('剩余 30% 时预警');
    expect(screen.getByTestId('policy-row-默认').textContent).toContain('所有工单');
    // 受理即响应 is said on its policy only
    expect(screen.getByTestId('policy-row-默认').textContent).toContain('受理即响应');
    expect(first.textContent).not.toContain('受理即响应');
    fireEvent.click(within(screen.getByTestId('policy-row-默认')).getByTestId('policy-up'));
    await waitFor(() => expect(names()).toEqual(['默认', '大客户']));
    expect(calls.find((c) => c.url.endsWith('/reorder'))?.body).toEqual({ ids: [policy(2, '', {}).id, policy(1, '', {}).id] });
  });

  it('switches a policy off by sending the whole policy, its 受理即响应 kept', async () => {
    const calls = start();
    fireEvent.click(within(await screen.findByTestId('policy-row-默认')).getByTestId('policy-active-switch'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ name: '默认', active: false, targets: policy(2, '', {}).targets, warnRemaining: 0.3, firstResponseOn: 'accept' });
  });

  it('says while the open tickets are recomputed under the new policies', async () => {
    start('admin', { ...idle, state: 'running', finishedAt: null, ticketsDone: 500, ticketsTotal: 1200 });
    expect((await screen.findByTestId('sla-recompute-notice')).textContent).toContain('正在按新策略重算 1200 张工单的时钟（已完成 500 张）');
  });

  it('shows no recomputation notice when none runs', async () => {
    start();
    await screen.findByTestId('policy-row-大客户');
    expect(screen.queryByTestId('sla-recompute-notice')).toBeNull();
  });

  it('lets a supervisor read but not change', async () => {
    start('supervisor');
    const row = await screen.findByTestId('policy-row-大客户');
    expect(screen.queryByTestId('policy-add')).toBeNull();
    expect(within(row).queryByTestId('policy-up')).toBeNull();
    expect((within(row).getByTestId('policy-active-switch') as HTMLButtonElement).disabled).toBe(true);
  });
});
