import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import { SlaPanel } from './sla-panel';
import type { SlaClock, TicketSla } from './sla-types';

// The ticket page's SLA panel: each clock with its target, time kind, calendar, due time and countdown.

const ID = '0190a0a0-0000-7000-8000-0000000000e1';
const NOW = Date.parse('2026-12-04T02:00:00Z');
const clock = (c: Partial<SlaClock> & Pick<SlaClock, 'metric' | 'state'>): SlaClock => ({
  targetMinutes: 240,
  cycle: 1,
  business: true,
  calendarName: '工作日 9:00–18:00',
  startedAt: '2026-12-04T01:00:00Z',
  dueAt: '2026-12-04T04:15:00Z',
  warnAt: '2026-12-04T03:00:00Z',
  pausedSince: null,
  pausedMinutes: 0,
  escalationLevel: 0,
  warnedAt: null,
  breachedAt: null,
  achievedAt: null,
  ...c,
});

function start(answer: TicketSla) {
  stubFetch({ [`GET /api/v1/tickets/${ID}/sla`]: () => ({ status: 200, body: answer }) });
  renderUi(<SlaPanel ticketId={ID} version={0} now={() => NOW} />);
}

describe('the ticket page’s SLA panel', () => {
  it('lists every clock in the order of the contract, with its words', async () => {
    start({
      policy: { id: 'p1', name: '紧急工单' },
      clocks: [
        clock({ metric: 'resolution', state: 'breached', breachedAt: '2026-12-04T01:00:00Z', escalationLevel: 2 }),
        clock({ metric: 'first_response', state: 'achieved', targetMinutes: 30, business: false, calendarName: null, achievedAt: '2026-12-04T01:20:00Z' }),
        clock({ metric: 'on_site', state: 'paused', dueAt: null, warnAt: null, pausedSince: '2026-12-04T01:40:00Z', pausedMinutes: 20 }),
      ],
    });
    const panel = await screen.findByTestId('sla-clock-resolution');
    expect(screen.getByTestId('sla-policy').textContent).toBe('适用策略：紧急工单');
    expect(panel.textContent).toContain('解决时限');
    expect(panel.textContent).toContain('目标 4小时 · 工作时间 · 工作日 9:00–18:00');
    expect(screen.getByTestId('sla-escalated-resolution').textContent).toBe('已升级至第 2 级');
    expect(screen.queryByTestId('sla-escalated-first_response')).toBeNull();
    expect(screen.getByTestId('sla-clock-first_response').textContent).toContain('目标 30分 · 自然时间');
    expect(screen.getByTestId('sla-countdown-first_response').textContent).toBe('已达成');
    expect(screen.getByTestId('sla-countdown-on_site').textContent).toBe('暂停计时');
    expect(screen.getByTestId('sla-due-on_site').textContent).toBe('恢复计时后重新计算 · 已暂停 20分');
    const order = [...document.querySelectorAll('[data-testid^="sla-clock-"]')].map((e) => e.getAttribute('data-testid'));
    expect(order).toEqual(['sla-clock-first_response', 'sla-clock-resolution', 'sla-clock-on_site']);
  });

  it('says when no policy applies', async () => {
    start({ policy: null, clocks: [] });
    expect((await screen.findByTestId('sla-none')).textContent).toBe('没有适用的 SLA 策略');
  });

  it('reads again when the ticket changes', async () => {
    const calls = stubFetch({ [`GET /api/v1/tickets/${ID}/sla`]: () => ({ status: 200, body: { policy: null, clocks: [] } }) });
    function Page() {
      const [version, setVersion] = useState(0);
      return (
        <>
          <button onClick={() => setVersion((v) => v + 1)}>live</button>
          <SlaPanel ticketId={ID} version={version} />
        </>
      );
    }
    renderUi(<Page />);
    await screen.findByTestId('sla-none');
    fireEvent.click(screen.getByText('live'));
    await waitFor(() => expect(calls.filter((c) => c.url.endsWith('/sla')).length).toBe(2));
  });
});
