import { fireEvent, screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import { bookedWindow, VisitBooking } from './visit-booking';
import { windowText } from './visit-window';

describe('预约上门', () => {
  it('writes a window on one day with one date, over two days with both', () => {
    const start = dayjs('2026-12-07T09:00:00');
    expect(windowText({ start: start.toISOString(), end: start.add(90, 'minute').toISOString() })).toBe('12-07 09:00–10:30');
    expect(windowText({ start: start.toISOString(), end: start.add(1, 'day').toISOString() })).toBe('12-07 09:00–12-08 09:00');
    expect(windowText({ start: start.toISOString(), end: null })).toBe('12-07 09:00');
  });

  it('builds the window from a day and two times of day; none when it does not end after it starts', () => {
    const day = dayjs('2026-12-08T00:00:00');
    const w = bookedWindow(day, dayjs('2000-01-01T14:00:00'), dayjs('2000-01-01T16:30:00'));
    expect(w).toEqual({ windowStart: dayjs('2026-12-08T14:00:00').toISOString(), windowEnd: dayjs('2026-12-08T16:30:00').toISOString() });
    expect(bookedWindow(day, dayjs('2000-01-01T14:00:00'), dayjs('2000-01-01T14:00:00'))).toBeNull();
  });

  it('moves a booked visit: the form opens on its window and sends it', async () => {
    const start = dayjs().add(1, 'day').hour(9).minute(0).second(0).millisecond(0);
    const window = { start: start.toISOString(), end: start.add(2, 'hour').toISOString() };
    const calls = stubFetch({ 'PUT /api/v1/field/jobs/t1/visit': (b) => ({ status: 200, body: { id: 'v1', ticketId: 't1', seq: 1, state: 'planned', userId: null, ...(b as object) } }) });
    const onBooked = vi.fn();
    renderUi(<VisitBooking ticketId="t1" window={window} canBook onBooked={onBooked} />);
    expect(screen.getByTestId('visit-window').textContent).toBe(windowText(window));
    fireEvent.click(screen.getByRole('button', { name: '改约' }));
    fireEvent.click(await screen.findByTestId('visit-book-save'));
    await waitFor(() => expect(onBooked).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ windowStart: window.start, windowEnd: window.end });
  });

  it('shows 未预约 and no button to someone who may not book', () => {
    renderUi(<VisitBooking ticketId="t1" window={null} canBook={false} onBooked={() => undefined} />);
    expect(screen.getByTestId('visit-window').textContent).toBe('未预约');
    expect(screen.queryByTestId('visit-book')).toBeNull();
  });
});
