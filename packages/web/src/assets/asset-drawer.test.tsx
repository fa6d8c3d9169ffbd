import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import { AssetDrawer } from './asset-drawer';
import { BUILDING, CONTACT, LIFT, label, lift, liftDetail } from './fixtures';

const routes = (patch: (b: unknown) => unknown) => ({
  [`GET /api/v1/assets/${LIFT}`]: () => ({ status: 200, body: liftDetail }),
  'GET /api/v1/assets/labels': () => ({ status: 200, body: { items: [label(lift)] } }),
  'GET /api/v1/contacts': () => ({ status: 200, body: { items: [{ id: CONTACT, name: '王建国', organizationId: null, organization: null, tier: null, effectiveTier: 'standard', notes: '', identities: [{ kind: 'phone', value: '13800138000' }] }] } }),
  [`PATCH /api/v1/assets/${LIFT}`]: (b: unknown) => ({ status: 200, body: patch(b) }),
});

describe('asset drawer', () => {
  it('shows the hierarchy, the QR label, every ticket and the alarms, and confirms the asset with its fields', async () => {
    const calls = stubFetch(routes((b) => ({ ...lift, ...(b as object), ownerName: '王建国', updatedAt: '2026-11-22T08:00:00Z' })));
    const onSaved = vi.fn();
    renderUi(
      <MemoryRouter>
        <AssetDrawer assetId={LIFT} admin onSaved={onSaved} onClose={() => undefined} />
      </MemoryRouter>,
    );
    const alarms = await screen.findByTestId('asset-alarms');
    expect(alarms.textContent).toContain('E21');
    expect(alarms.textContent).toContain('严重');
    expect(within(alarms).getByTestId('asset-alarm-ticket-1024').getAttribute('href')).toBe('/tickets/1024');
    expect(screen.getByTestId('asset-ticket-1025').getAttribute('href')).toBe('/tickets/1025');
    expect(screen.getByTestId('asset-tickets').textContent).toContain('门户');
    expect(screen.getByTestId('asset-ancestors').textContent).toContain('国贸大厦');
    expect(screen.getByTestId('asset-drawer').textContent).toContain('待确认');
    expect(screen.getByTestId('asset-drawer').textContent).toContain('即将过保');
    expect(screen.getByTestId('asset-qr-link').textContent).toContain('/portal/guomao/new?asset=');
    await waitFor(() => expect(screen.getByTestId('asset-qr').querySelector('img')).not.toBeNull());
    expect(screen.getByTestId('asset-label-pdf').getAttribute('href')).toBe(`/api/v1/assets/labels.pdf?ids=${LIFT}`);

    fireEvent.change(screen.getByTestId('asset-model'), { target: { value: '奥的斯 GeN3' } });
    fireEvent.change(screen.getByTestId('asset-warranty-end'), { target: { value: '2028-12-31' } });
    const owner = screen.getByTestId('asset-owner');
    fireEvent.mouseDown(owner.querySelector('.ant-select-selector') ?? owner);
    fireEvent.change(owner.querySelector('input')!, { target: { value: '王' } });
    fireEvent.click(await screen.findByText('王建国（13800138000）', {}, { timeout: 2000 }));
    await act(async () => {
      fireEvent.click(screen.getByTestId('asset-save-confirm'));
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      model: '奥的斯 GeN3', name: '1 号电梯', productLine: '电梯', ownerContactId: CONTACT, organizationId: null, parentId: BUILDING,
      address: '北京市朝阳区建国门外大街1号', lat: null, lng: null, installedOn: null, warrantyEnd: '2028-12-31', confirmed: true,
    });
    await waitFor(() => expect(screen.queryByTestId('asset-save-confirm')).toBeNull());
  });

  it('shows staff the fields without a form', async () => {
    stubFetch(routes(() => lift));
    renderUi(
      <MemoryRouter>
        <AssetDrawer assetId={LIFT} admin={false} onSaved={() => undefined} onClose={() => undefined} />
      </MemoryRouter>,
    );
    await screen.findByTestId('asset-alarms');
    expect(screen.queryByTestId('asset-form')).toBeNull();
    expect(screen.queryByTestId('asset-remove')).toBeNull();
    expect(screen.getByTestId('asset-drawer').textContent).toContain('奥的斯 GeN2');
    expect(screen.getByTestId('asset-drawer').textContent).toContain('只有管理员可以修改设备');
  });
});
