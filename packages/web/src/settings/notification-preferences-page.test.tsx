import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import NotificationPreferencesPage, { preferencesBody } from './notification-preferences-page';

// 通知设置: per kind, email and SMS besides the in-app center; 免打扰 both ends or none.

describe('notification settings', () => {
  it('sends only the kinds that go outside, and the quiet hours when they are on', () => {
    expect(preferencesBody({ channels: { assigned: ['email'], mention: [], sla_warning: ['sms'] }, quietStart: '22:00', quietEnd: '08:00', timeZone: 'Asia/Shanghai' }, false)).toEqual({
      channels: { assigned: ['email'], sla_warning: ['sms'] },
      quietStart: null,
      quietEnd: null,
      timeZone: 'Asia/Shanghai',
    });
  });

  it('loads, ticks SMS for SLA warnings and saves', async () => {
    const calls = stubFetch({
      'GET /api/v1/me/notification-preferences': () => ({ status: 200, body: { channels: { assigned: ['email'] }, quietStart: '22:00', quietEnd: '07:30', timeZone: 'Asia/Shanghai' } }),
      'PUT /api/v1/me/notification-preferences': (body) => ({ status: 200, body }),
    });
    renderUi(<NotificationPreferencesPage />);
    await waitFor(() => expect((screen.getByTestId('pref-assigned-email') as HTMLInputElement).checked).toBe(true));
    expect(screen.getByText('免打扰')).toBeTruthy();
    // a job reassigned away from me is a kind of its own, off by default
    expect(screen.getByText('我的工单被改派给他人')).toBeTruthy();
    expect((screen.getByTestId('pref-unassigned-email') as HTMLInputElement).checked).toBe(false);
    // supervisors told that nobody accepted a dispatched ticket: worded, not the bare kind code
    expect(screen.getByText('派出的工单无人接单')).toBeTruthy();
    expect(screen.queryByText('dispatch_not_accepted')).toBeNull();
    expect((screen.getByTestId('pref-dispatch_not_accepted-sms') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByTestId('pref-sla_warning-sms'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('pref-save'));
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ channels: { assigned: ['email'], sla_warning: ['sms'] }, quietStart: '22:00', quietEnd: '07:30', timeZone: 'Asia/Shanghai' });
    await screen.findByText('通知设置已保存');
  });
});
