import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';
import { building, label, lift, LIFT, liftDetail } from './fixtures';

const me = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '管理员', role: 'admin', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };
const common = {
  'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
  'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
  'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
  'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
};

describe('设备 page', () => {
  it('lists assets, searches by words, opens one and prints the selected ones’ labels', async () => {
    window.history.pushState({}, '', '/admin/assets'); // the old admin section leads here
    const calls = stubFetch({
      ...common,
      'GET /api/v1/assets': () => ({ status: 200, body: { items: [building, lift], nextCursor: null } }),
      [`GET /api/v1/assets/${LIFT}`]: () => ({ status: 200, body: liftDetail }),
      'GET /api/v1/assets/labels': () => ({ status: 200, body: { items: [label(lift), label(building)] } }),
    });
    renderApp();
    expect((await screen.findByTestId('asset-row-GM-ELV-01', {}, { timeout: 30_000 })).textContent).toContain('国贸大厦');
    expect(window.location.pathname).toBe('/assets');
    expect(screen.getByTestId('nav-assets')).toBeTruthy();
    expect(screen.getByTestId('asset-row-GM-ELV-01').textContent).toContain('即将过保');

    fireEvent.change(screen.getByTestId('asset-search').querySelector('input')!, { target: { value: '电梯' } });
    fireEvent.keyDown(screen.getByTestId('asset-search').querySelector('input')!, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(calls.some((c) => c.url.includes(`q=${encodeURIComponent('电梯')}`))).toBe(true));

    fireEvent.click(screen.getByTestId('asset-row-GM-ELV-01'));
    expect((await screen.findByTestId('asset-tickets', {}, { timeout: 10_000 })).textContent).toContain('1 号电梯困人');
    fireEvent.click(screen.getByRole('button', { name: /Close|关闭/ }));

    const boxes = screen.getByTestId('assets-table').querySelectorAll('tbody input[type=checkbox]');
    fireEvent.click(boxes[1]);
    fireEvent.click(boxes[0]);
    await waitFor(() => expect(screen.getByTestId('assets-print').textContent).toContain('已选 2 台'));
    expect(screen.getByTestId('assets-pdf').getAttribute('href')).toBe(`/api/v1/assets/labels.pdf?ids=${encodeURIComponent(`${building.id},${LIFT}`)}`);
    fireEvent.click(screen.getByTestId('assets-print'));
    expect(await screen.findByTestId('asset-label-GM-ELV-01', {}, { timeout: 30_000 })).toBeTruthy();
    expect(screen.getByTestId('asset-label-GM-BLDG-01').textContent).toContain('国贸大厦');
    expect(screen.getByTestId('asset-label-GM-BLDG-01').textContent).toContain('扫码报修');
    expect(calls.filter((c) => c.url.startsWith('/api/v1/assets/labels')).at(-1)?.url).toContain(encodeURIComponent(`${building.id},${LIFT}`));
  }, 120_000);
});
