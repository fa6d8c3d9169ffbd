import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import type { TicketParts } from './inventory-api';
import { reservePlan, TicketPartsPanel } from './ticket-parts-panel';

const TICKET = '0190a0a0-0000-7000-8000-000000000001';
const BELT = '0190a0a0-0000-7000-8000-0000000000b1';
const ENCODER = '0190a0a0-0000-7000-8000-0000000000e1';
const VAN = '0190a0a0-0000-7000-8000-0000000000f1';
const CENTRAL = '0190a0a0-0000-7000-8000-0000000000f2';

const parts: TicketParts = {
  suggested: [
    { partId: BELT, code: 'MJ-PD-02', name: '门机皮带', unit: '条', qty: 1, reason: '同类工单 12 次中 9 次用到', basis: { scope: 'category', jobs: 12, used: 9 } },
    { partId: ENCODER, code: 'YYJ-BMQ-01', name: '曳引机编码器', unit: '个', qty: 2, reason: '同类工单 12 次中 4 次用到', basis: { scope: 'category', jobs: 12, used: 4 } },
  ],
  nearest: [
    {
      partId: BELT,
      warehouses: [
        { id: VAN, name: '王工的车', kind: 'van', km: 0.8, available: 1 },
        { id: CENTRAL, name: '北京中心库', kind: 'central', km: 12.4, available: 8 },
      ],
    },
    { partId: ENCODER, warehouses: [{ id: CENTRAL, name: '北京中心库', kind: 'central', km: 12.4, available: 1 }] },
  ],
  reservations: [],
  used: [],
};

describe('the ticket 备件 panel', () => {
  it('shows the suggestions with why and the nearest warehouses with km, and reserves with one click', async () => {
    let current = parts;
    const calls = stubFetch({
      [`GET /api/v1/tickets/${TICKET}/parts`]: () => ({ status: 200, body: current }),
      [`POST /api/v1/tickets/${TICKET}/parts/reservations`]: () => {
        current = { ...parts, reservations: [{ id: '0190a0a0-0000-7000-8000-0000000000r1', partId: BELT, code: 'MJ-PD-02', name: '门机皮带', unit: '条', warehouseId: VAN, warehouseName: '王工的车', qty: 1, drawn: 0, state: 'active', createdAt: '2026-03-02T01:00:00Z' }] };
        return { status: 201, body: { reservations: current.reservations } };
      },
    });
    renderUi(<TicketPartsPanel ticketId={TICKET} />);
    const reasons = await screen.findAllByTestId('parts-reason');
    expect(reasons.map((r) => r.textContent)).toEqual(['同类工单 12 次中 9 次用到', '同类工单 12 次中 4 次用到']);
    const places = screen.getAllByTestId('parts-warehouse').map((w) => w.textContent);
    expect(places[0]).toContain('王工的车');
    expect(places[0]).toContain('0.8 公里');
    expect(places[1]).toContain('12.4 公里');
    // the encoder needs 2 and the central warehouse has 1: its button is off, and one click reserves only the belt
    expect(screen.getAllByTestId('parts-reserve-one').map((b) => (b as HTMLButtonElement).disabled)).toEqual([false, false, true]);
    fireEvent.click(screen.getByTestId('parts-reserve-all'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ lines: [{ partId: BELT, warehouseId: VAN, qty: 1 }] }));
    expect((await screen.findByTestId('parts-reservation')).textContent).toContain('预占中');
  });

  it('says which part is short when the stock went meanwhile', async () => {
    stubFetch({
      [`GET /api/v1/tickets/${TICKET}/parts`]: () => ({ status: 200, body: parts }),
      [`POST /api/v1/tickets/${TICKET}/parts/reservations`]: () => ({ status: 409, body: { error: { code: 'STOCK_INSUFFICIENT', message: 'Not enough', field: 'lines.0.qty', details: [{ field: 'lines.0.qty', code: 'too_big', message: 'Not enough', value: 'MJ-PD-02' }] } } }),
    });
    renderUi(<TicketPartsPanel ticketId={TICKET} />);
    fireEvent.click((await screen.findAllByTestId('parts-reserve-one'))[1]);
    expect(await screen.findByText('库存不足：MJ-PD-02')).toBeTruthy();
  });

  it('plans one click at the nearest warehouse with enough, skipping parts already reserved', () => {
    expect(reservePlan(parts)).toEqual([{ partId: BELT, warehouseId: VAN, qty: 1 }]);
    const reserved = { ...parts, reservations: [{ id: 'r', partId: BELT, code: '', name: '', unit: '', warehouseId: VAN, warehouseName: '', qty: 1, drawn: 0, state: 'active' as const, createdAt: '' }] };
    expect(reservePlan(reserved)).toEqual([]);
  });
});
