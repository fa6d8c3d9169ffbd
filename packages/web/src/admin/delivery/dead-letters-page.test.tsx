import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../../test/render';
import DeadLettersPage from './dead-letters-page';

// 死信: the deliveries that failed for good, with their target by name, last error and attempts; 重新投递
// queues one again and it leaves the list.

const HOOK = '0190a0a0-0000-7000-8000-0000000000a1';
const ROBOT = '0190a0a0-0000-7000-8000-0000000000b2';
const dead = (id: string, o: Record<string, unknown>) => ({ id, targetId: null, dedupeKey: `k-${id}`, ticketId: null, state: 'dead', attempts: 8, nextAttemptAt: '2026-12-04T08:00:00Z', lastStatus: null, lastError: null, createdAt: '2026-12-04T07:00:00Z', deliveredAt: null, request: {}, ...o });

describe('dead letters', () => {
  it('lists them with target, error and attempts, and replays one', async () => {
    const calls = stubFetch({
      'GET /api/v1/deliveries': () => ({
        status: 200,
        body: {
          items: [
            dead('d1', { targetKind: 'webhook', targetId: HOOK, lastStatus: 502, lastError: 'Bad Gateway', ticketId: 't1' }),
            dead('d2', { targetKind: 'dingtalk_robot', targetId: ROBOT, lastStatus: 200, lastError: 'errcode 310000: sign not match' }),
            dead('d3', { targetKind: 'sms', targetId: null, lastError: '网关超时', attempts: 5, request: { to: '13800001111', text: '工单 #1042 已超时' } }),
          ],
          nextCursor: null,
        },
      }),
      'GET /api/v1/webhooks': () => ({ status: 200, body: { items: [{ id: HOOK, name: 'CRM 同步', url: 'https://crm.example.cn/hook', secret: '…9f3a', events: ['ticket.created'], active: true }] } }),
      'GET /api/v1/notification-channels': () => ({ status: 200, body: { items: [{ id: ROBOT, kind: 'dingtalk_robot', name: '运维值班群', config: { url: 'https://oapi.dingtalk.com/robot/send?access_token=…', secret: '…abcd', token: null, sign: null }, active: true }] } }),
      'POST /api/v1/deliveries/d2/replay': () => ({ status: 200, body: dead('d2', { targetKind: 'dingtalk_robot', state: 'pending', attempts: 0 }) }),
    });
    renderUi(
      <MemoryRouter>
        <DeadLettersPage />
      </MemoryRouter>,
    );
    const row = await screen.findByTestId('dead-row-d2');
    await waitFor(() => expect(row.textContent).toContain('运维值班群'));
    expect(row.textContent).toContain('钉钉群机器人');
    expect(row.textContent).toContain('HTTP 200 · errcode 310000: sign not match');
    expect(row.textContent).toContain('8');
    await waitFor(() => expect(screen.getByTestId('dead-row-d1').textContent).toContain('CRM 同步'));
    expect(screen.getByTestId('dead-row-d1').textContent).toContain('HTTP 502 · Bad Gateway');
    expect(screen.getByTestId('dead-row-d3').textContent).toContain('13800001111');
    expect(calls.find((c) => c.url.includes('/deliveries?'))!.url).toContain('state=dead');

    await act(async () => {
      fireEvent.click(within(row).getByTestId('dead-replay'));
    });
    await waitFor(() => expect(screen.queryByTestId('dead-row-d2')).toBeNull());
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/api/v1/deliveries/d2/replay']);
    expect(await screen.findByText('已重新排队投递')).toBeTruthy();
    expect(screen.getByTestId('dead-row-d1')).toBeTruthy();
  });
});
