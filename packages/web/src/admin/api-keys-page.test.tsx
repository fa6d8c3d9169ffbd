import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import ApiKeysPage from './api-keys-page';

const SECRET = 'gdk_3q2+7w9Zk1mN5pL0sXvB8rT4uY6aE2cF';

describe('API keys', () => {
  it('shows a new key once, copies it, and forgets it when closed', async () => {
    const existing = { id: 'k0', name: '旧系统', prefix: 'gdk_a1b2c3', role: 'agent', createdBy: null, createdAt: '2026-11-20T08:00:00Z', lastUsedAt: null, revokedAt: null };
    const revoked = { id: 'k2', name: '已停用集成', prefix: 'gdk_z9y8x7', role: 'admin', createdBy: 'u1', createdAt: '2026-11-01T08:00:00Z', lastUsedAt: '2026-11-02T08:00:00Z', revokedAt: '2026-11-03T08:00:00Z' };
    const calls = stubFetch({
      'GET /api/v1/api-keys': () => ({ status: 200, body: { items: [existing, revoked] } }),
      'POST /api/v1/api-keys': (b) => ({ status: 201, body: { id: 'k1', name: (b as { name: string }).name, prefix: SECRET.slice(0, 10), role: 'agent', createdBy: 'u1', createdAt: '2026-11-22T08:00:00Z', lastUsedAt: null, revokedAt: null, key: SECRET } }),
    });
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderUi(<ApiKeysPage />);
    await screen.findByText('旧系统');
    // the list is read in camelCase: the revoked key is marked, the unused one says so
    expect(screen.getAllByTestId('api-key-revoked')).toHaveLength(1);
    expect(screen.getByTestId('api-key-revoke-旧系统')).toBeTruthy();
    expect(screen.getByTestId('api-keys-table').textContent).toContain('2026');
    fireEvent.click(screen.getByTestId('api-key-new'));
    fireEvent.change(await screen.findByTestId('api-key-name'), { target: { value: '呼叫中心对接' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('api-key-create-ok'));
    });
    const secret = (await screen.findByTestId('api-key-secret')) as HTMLInputElement;
    expect(secret.value).toBe(SECRET);
    expect(screen.getByTestId('api-key-warning').textContent).toContain('只显示这一次');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: '呼叫中心对接', role: 'agent' });
    await act(async () => {
      fireEvent.click(screen.getByTestId('api-key-copy'));
    });
    expect(writeText).toHaveBeenCalledWith(SECRET);
    // the new key is listed by name and prefix only
    const table = screen.getByTestId('api-keys-table');
    expect(within(table).getByText('呼叫中心对接')).toBeTruthy();
    expect(table.textContent).not.toContain(SECRET);
    fireEvent.click(screen.getByTestId('api-key-done'));
    await waitFor(() => expect(screen.queryByTestId('api-key-secret')).toBeNull());
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('revokes a key after confirmation and lists the keys again; a refused revoke says why and keeps the list', async () => {
    let revokedAt: string | null = null;
    let refuse = false;
    const key = { id: 'k0', name: '旧系统', prefix: 'gdk_a1b2c3', role: 'agent', createdBy: null, createdAt: '2026-11-20T08:00:00Z', lastUsedAt: null };
    const other = { ...key, id: 'k3', name: '报表导出', prefix: 'gdk_d4e5f6', revokedAt: null };
    const calls = stubFetch({
      'GET /api/v1/api-keys': () => ({ status: 200, body: { items: [{ ...key, revokedAt }, other] } }),
      'DELETE /api/v1/api-keys/k0': () => {
        revokedAt = '2026-11-22T09:00:00Z';
        return { status: 204 };
      },
      'DELETE /api/v1/api-keys/k3': () => (refuse ? { status: 403, body: { error: { code: 'FORBIDDEN', message: 'no' } } } : { status: 204 }),
    });
    renderUi(<ApiKeysPage />);
    await screen.findByText('旧系统');
    const listed = () => calls.filter((c) => c.method === 'GET').length;
    expect(listed()).toBe(1);
    fireEvent.click(screen.getByTestId('api-key-revoke-旧系统'));
    fireEvent.click(await screen.findByTestId('api-key-revoke-ok'));
    await waitFor(() => expect(screen.getAllByTestId('api-key-revoked')).toHaveLength(1));
    expect(listed()).toBe(2);
    expect(await screen.findByText('已吊销 旧系统')).toBeTruthy();

    refuse = true;
    fireEvent.click(screen.getByTestId('api-key-revoke-报表导出'));
    const oks = await screen.findAllByTestId('api-key-revoke-ok');
    fireEvent.click(oks[oks.length - 1]);
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url.endsWith('/k3'))).toBe(true));
    expect(await screen.findByText('没有权限', { exact: false })).toBeTruthy();
    expect(listed()).toBe(2);
  });
});
