import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Providers } from '../../app';
import { useAuth } from '../../auth/auth-context';
import { renderUi, stubFetch } from '../../test/render';
import CalendarsPage from './calendars-page';

// Administration › 工作日历: the list, 从2026年法定节假日创建, and the week editor with the server's field errors.

const SignedIn = ({ children }: { children: ReactNode }) => (useAuth().me ? <>{children}</> : null);
const me = (role: string) => ({ type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '管理员', role, scope: 'all', teamIds: [], contactId: null, tenantId: 'x' });
const OFFICE = [['09:00', '12:00'], ['13:30', '18:00']];
const WEEK = { '1': OFFICE, '2': OFFICE, '3': OFFICE, '4': OFFICE, '5': OFFICE, '6': [], '7': [] };
const ID = '0190a0a0-0000-7000-8000-0000000000c1';
const cal = {
  id: ID, name: '工作日 9:00–18:00（午休 12:00–13:30）', description: '', timeZone: 'Asia/Shanghai', alwaysOpen: false, isDefault: true, week: WEEK,
  createdAt: '2026-12-01T08:00:00Z', updatedAt: '2026-12-01T08:00:00Z',
};
const days = [
  { day: '2026-02-14', kind: 'workday', name: '春节调休上班', hours: null },
  { day: '2026-02-15', kind: 'holiday', name: '春节', hours: null },
];

function start(role = 'admin', put?: (b: unknown) => { status: number; body?: unknown }) {
  const calls = stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me(role) }),
    'GET /api/v1/calendars': () => ({ status: 200, body: { items: [{ ...cal, holidayCount: 33, workdayCount: 6 }] } }),
    [`GET /api/v1/calendars/${ID}`]: () => ({ status: 200, body: { ...cal, days } }),
    'POST /api/v1/calendars/from-builtin': () => ({ status: 201, body: { ...cal, days } }),
    [`PUT /api/v1/calendars/${ID}`]: put ?? ((b) => ({ status: 200, body: { ...cal, ...(b as object) } })),
  });
  renderUi(
    <Providers>
      <BrowserRouter>
        <SignedIn>
          <CalendarsPage />
        </SignedIn>
      </BrowserRouter>
    </Providers>,
  );
  return calls;
}

describe('business calendars administration', () => {
  it('lists the calendars with the default, the Monday hours and the holiday counts', async () => {
    start();
    const row = await screen.findByTestId(`calendar-row-${cal.name}`, {}, { timeout: 10_000 });
    expect(row.textContent).toContain('默认日历');
    expect(row.textContent).toContain('09:00-12:00, 13:30-18:00');
    expect(row.textContent).toContain('33 天休息，6 天调休上班');
  });

  it('creates the 2026 calendar from the built-in schedule', async () => {
    const calls = start();
    await screen.findByTestId(`calendar-row-${cal.name}`, {}, { timeout: 10_000 });
    await act(async () => void fireEvent.click(screen.getByTestId('calendar-from-builtin')));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: '工作日 9:00–18:00（2026 法定节假日）', year: 2026, isDefault: false }));
  });

  it('edits the week as text, sends intervals, and shows an overlap under its weekday', async () => {
    let answer: { status: number; body?: unknown } = {
      status: 400,
      body: { error: { code: 'CALENDAR_INTERVALS_OVERLAP', message: 'week.3.1: overlaps', field: 'week.3.1' } },
    };
    const calls = start('admin', () => answer);
    const row = await screen.findByTestId(`calendar-row-${cal.name}`, {}, { timeout: 10_000 });
    await act(async () => void fireEvent.click(within(row).getByTestId('calendar-edit')));
    const wed = await screen.findByTestId('calendar-week-3');
    expect((wed as HTMLInputElement).value).toBe('09:00-12:00, 13:30-18:00');
    expect(within(screen.getByTestId('calendar-days')).getByDisplayValue('春节调休上班')).toBeTruthy();
    await act(async () => void fireEvent.change(wed, { target: { value: '9:00-12:00，11:30-18:00' } }));
    await act(async () => void fireEvent.click(screen.getByTestId('calendar-save')));
    await screen.findByText('同一天的工作时段有重叠，请按时间先后排列且互不重叠');
    const put = calls.find((c) => c.method === 'PUT');
    expect((put?.body as { week: Record<string, unknown> }).week['3']).toEqual([['09:00', '12:00'], ['11:30', '18:00']]);
    expect((put?.body as { days: unknown[] }).days).toEqual(days);

    answer = { status: 200, body: cal };
    await act(async () => void fireEvent.change(wed, { target: { value: '九点到六点' } }));
    await act(async () => void fireEvent.click(screen.getByTestId('calendar-save')));
    await screen.findByText('请按“09:00-12:00, 13:30-18:00”的格式填写');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('lets supervisors read but not change', async () => {
    start('supervisor');
    await screen.findByTestId(`calendar-row-${cal.name}`, {}, { timeout: 10_000 });
    expect(screen.queryByTestId('calendar-add')).toBeNull();
    expect(screen.queryByTestId('calendar-delete')).toBeNull();
  });
});
