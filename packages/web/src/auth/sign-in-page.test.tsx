import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';

const unauthenticated = () => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } } });

async function submitSignIn(email: string, password: string) {
  window.history.pushState({}, '', '/login');
  renderApp();
  fireEvent.change(await screen.findByTestId('sign-in-email'), { target: { value: email } });
  fireEvent.change(screen.getByTestId('sign-in-password'), { target: { value: password } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('sign-in-submit'));
  });
}

describe('sign-in page', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('says when to try again after too many failed sign-ins, from the Retry-After header', async () => {
    stubFetch({
      'GET /api/v1/auth/me': unauthenticated,
      'POST /api/v1/auth/login': () => ({
        status: 429,
        headers: { 'retry-after': '95' },
        body: { error: { code: 'RATE_LIMITED', message: 'Too many failed sign-ins from this address or for this account; try again in 95 s' } },
      }),
    });
    await submitSignIn('admin@example.com', 'Wrong-猜测');
    await waitFor(() => expect(screen.getByTestId('sign-in-error').textContent).toBe('登录失败次数过多，请2分钟后再试（其他地址的登录不受影响）'));
  });

  it('asks for the tenant when the password is right in several tenants', async () => {
    stubFetch({
      'GET /api/v1/auth/me': unauthenticated,
      'POST /api/v1/auth/login': () => ({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', message: 'This email and password belong to several tenants: give the tenant slug', field: 'tenant', details: [{ field: 'tenant', code: 'tenant_required', message: 'Give the tenant slug of the account to sign in to' }] } },
      }),
    });
    await submitSignIn('shared@example.com', 'Kaishi2026-管理');
    expect(await screen.findByText('该邮箱和密码对应多个租户的账号，请填写租户')).toBeTruthy();
    expect(screen.queryByTestId('sign-in-error')).toBeNull();
  });
});
