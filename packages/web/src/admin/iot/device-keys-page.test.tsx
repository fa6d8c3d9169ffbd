import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi, stubFetch } from '../../test/render';
import DeviceKeysPage from './device-keys-page';

const SECRET = 'gdd_7Qm2xK9pL0sVb8rT4uY6aE2cFz1N';
const existing = { id: 'k0', name: '1 号楼水泵', prefix: 'gdd_a1b2c3', createdBy: null, createdAt: '2026-11-20T08:00:00Z', lastUsedAt: '2026-11-21T08:00:00Z', revokedAt: null };

describe('device keys', () => {
  it('shows a new key once with the MQTT user name, topics and a command, then forgets it; revokes a key after confirmation', async () => {
    let revokedAt: string | null = null;
    const calls = stubFetch({
      'GET /api/v1/tenant': () => ({ status: 200, body: { id: 't1', slug: 'huadong-wuye', name: '华东物业' } }),
      'GET /api/v1/iot/keys': () => ({ status: 200, body: { items: [{ ...existing, revokedAt }] } }),
      'POST /api/v1/iot/keys': (b) => ({ status: 201, body: { id: 'k1', name: (b as { name: string }).name, prefix: SECRET.slice(0, 10), createdBy: null, createdAt: '2026-11-22T08:00:00Z', lastUsedAt: null, revokedAt: null, key: SECRET } }),
      'DELETE /api/v1/iot/keys/k0': () => {
        revokedAt = '2026-11-22T09:00:00Z';
        return { status: 204 };
      },
    });
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderUi(<DeviceKeysPage />);
    await screen.findByText('1 号楼水泵');
    expect(screen.queryByTestId('device-key-revoked')).toBeNull();

    fireEvent.click(screen.getByTestId('device-key-new'));
    fireEvent.change(await screen.findByTestId('device-key-name'), { target: { value: '3 号楼门禁' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('device-key-create-ok'));
    });
    const secret = (await screen.findByTestId('api-key-secret')) as HTMLInputElement;
    expect(secret.value).toBe(SECRET);
    expect(screen.getByTestId('api-key-warning').textContent).toContain('只显示这一次');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: '3 号楼门禁' });
    const dialog = secret.closest('.ant-modal') as HTMLElement;
    await waitFor(() => expect((within(dialog).getByTestId('iot-username') as HTMLInputElement).value).toBe('huadong-wuye'));
    expect(within(dialog).getByTestId('iot-topics').textContent).toContain('gongdan/huadong-wuye/devices/{serial}/alarm');
    expect(within(dialog).getByTestId('iot-topics').textContent).toContain('gongdan/huadong-wuye/devices/{serial}/recovery');
    const example = (within(dialog).getByTestId('iot-example') as HTMLTextAreaElement).value;
    expect(example).toContain(`mosquitto_pub -h ${window.location.hostname} -p 1883 -u 'huadong-wuye' -P '${SECRET}' -q 1 -t 'gongdan/huadong-wuye/devices/SN123/alarm'`);
    expect(example).toContain('"code":"E21"');
    await act(async () => {
      fireEvent.click(screen.getByTestId('api-key-copy'));
    });
    expect(writeText).toHaveBeenCalledWith(SECRET);
    // listed by name and prefix only
    const table = screen.getByTestId('device-keys-table');
    expect(within(table).getByText('3 号楼门禁')).toBeTruthy();
    expect(table.textContent).not.toContain(SECRET);
    fireEvent.click(screen.getByTestId('api-key-done'));
    await waitFor(() => expect(screen.queryByTestId('api-key-secret')).toBeNull());
    expect(document.body.innerHTML).not.toContain(SECRET);

    // revoke: nothing is sent before the confirmation
    fireEvent.click(screen.getByTestId('device-key-revoke-1 号楼水泵'));
    const ok = await screen.findByTestId('device-key-revoke-ok');
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await act(async () => {
      fireEvent.click(ok);
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url.endsWith('/api/v1/iot/keys/k0'))).toBe(true));
    await screen.findByTestId('device-key-revoked');
  });
});
