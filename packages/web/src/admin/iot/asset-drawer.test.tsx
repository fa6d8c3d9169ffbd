import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderUi, stubFetch } from '../../test/render';
import { AssetDrawer } from './asset-drawer';

const ASSET = '0190a0a0-0000-7000-8000-0000000000a1';
const CONTACT = '0190a0a0-0000-7000-8000-0000000000c1';
const asset = {
  id: ASSET,
  serial: 'SN-0042',
  model: null,
  name: null,
  ownerContactId: null,
  ownerName: null,
  organizationId: null,
  organizationName: null,
  confirmed: false,
  createdAt: '2026-11-20T08:00:00Z',
  updatedAt: '2026-11-20T08:00:00Z',
};
const alarm = {
  id: 'd1',
  code: 'E21',
  severity: 'critical',
  count: 3,
  firstAt: '2026-11-20T08:00:00Z',
  lastAt: '2026-11-20T08:30:00Z',
  state: 'open',
  recoveredAt: null,
  ticket: { id: 't1', number: 1024, title: '设备 SN-0042 告警 E21：门锁故障', status: 'new' },
};

describe('asset drawer', () => {
  it('shows the alarms with their tickets and confirms the device with model, name and owner', async () => {
    const calls = stubFetch({
      [`GET /api/v1/assets/${ASSET}`]: () => ({ status: 200, body: { ...asset, alarms: [alarm] } }),
      'GET /api/v1/contacts': () => ({ status: 200, body: { items: [{ id: CONTACT, name: '王建国', organizationId: null, organization: null, tier: null, effectiveTier: 'standard', notes: '', identities: [{ kind: 'phone', value: '13800138000' }] }] } }),
      [`PATCH /api/v1/assets/${ASSET}`]: (b) => ({ status: 200, body: { ...asset, ...(b as object), ownerName: '王建国', updatedAt: '2026-11-22T08:00:00Z' } }),
    });
    const onSaved = vi.fn();
    renderUi(
      <MemoryRouter>
        <AssetDrawer assetId={ASSET} admin onSaved={onSaved} onClose={() => undefined} />
      </MemoryRouter>,
    );
    const alarms = await screen.findByTestId('asset-alarms');
    expect(alarms.textContent).toContain('E21');
    expect(alarms.textContent).toContain('严重');
    expect(alarms.textContent).toContain('告警中');
    expect(within(alarms).getByTestId('asset-alarm-ticket-1024').getAttribute('href')).toBe('/tickets/1024');
    expect(screen.getByTestId('asset-drawer').textContent).toContain('待确认');

    fireEvent.change(screen.getByTestId('asset-model'), { target: { value: 'DL-300 智能门锁' } });
    fireEvent.change(screen.getByTestId('asset-name'), { target: { value: '3 号楼东门' } });
    // the owner is found by the contact search as the admin types
    const owner = screen.getByTestId('asset-owner');
    fireEvent.mouseDown(owner.querySelector('.ant-select-selector') ?? owner);
    fireEvent.change(owner.querySelector('input')!, { target: { value: '王' } });
    const option = await screen.findByText('王建国（13800138000）', {}, { timeout: 2000 });
    fireEvent.click(option);
    await waitFor(() => expect(screen.getByTestId('asset-owner').textContent).toContain('王建国'));
    expect(calls.find((c) => c.url.startsWith('/api/v1/contacts'))?.url).toContain('q=%E7%8E%8B');

    await act(async () => {
      fireEvent.click(screen.getByTestId('asset-save-confirm'));
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ model: 'DL-300 智能门锁', name: '3 号楼东门', ownerContactId: CONTACT, organizationId: null, confirmed: true });
    // confirmed: the confirm button is gone, the state says so
    await waitFor(() => expect(screen.queryByTestId('asset-save-confirm')).toBeNull());
    expect(screen.getByTestId('asset-drawer').textContent).toContain('已确认');
  });

  it('saves without confirming, and empty fields become null', async () => {
    const calls = stubFetch({
      [`GET /api/v1/assets/${ASSET}`]: () => ({ status: 200, body: { ...asset, model: '旧型号', alarms: [] } }),
      [`PATCH /api/v1/assets/${ASSET}`]: (b) => ({ status: 200, body: { ...asset, ...(b as object) } }),
    });
    renderUi(
      <MemoryRouter>
        <AssetDrawer assetId={ASSET} admin onSaved={() => undefined} onClose={() => undefined} />
      </MemoryRouter>,
    );
    fireEvent.change(await screen.findByTestId('asset-model'), { target: { value: '  ' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('asset-save'));
    });
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ model: null, name: null, ownerContactId: null, organizationId: null }));
    expect(screen.getByTestId('asset-alarms').textContent).toContain('还没有告警');
  });
});
