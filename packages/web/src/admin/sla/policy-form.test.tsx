import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../../test/render';
import { choose } from '../../test/select';
import type { SlaPolicy } from '../../sla/sla-types';
import { PolicyModal } from './policy-form';
import { policyBody, policyValues } from './policy-values';

// The SLA policy editor: conditions, calendar, the targets grid in minutes or hours and 工作时间 / 自然时间,
// the warning share, what ends the first response (首次公开回复 / 受理), and the server's field errors
// under their fields.

const CAL = '0190a0a0-0000-7000-8000-0000000000ca';
const POLICY: SlaPolicy = {
  id: '0190a0a0-0000-7000-8000-0000000000p1',
  name: '紧急工单',
  description: '',
  position: 1,
  active: true,
  conditions: { priorities: ['urgent'], channels: ['phone'] },
  calendarId: CAL,
  targets: { urgent: { first_response: { minutes: 30, business: false }, resolution: { minutes: 240, business: true } } },
  warnRemaining: 0.25,
  firstResponseOn: 'accept',
  createdAt: '2026-12-01T08:00:00Z',
  updatedAt: '2026-12-01T08:00:00Z',
};

function start(editing: SlaPolicy | 'new', answer: (b: unknown) => { status: number; body?: unknown } = (b) => ({ status: 201, body: { ...POLICY, ...(b as object) } })) {
  const saved: boolean[] = [];
  const calls = stubFetch({
    'GET /api/v1/calendars': () => ({ status: 200, body: { items: [{ id: CAL, name: '工作日 9:00–18:00', isDefault: true }] } }),
    'POST /api/v1/sla/policies': answer,
    [`PUT /api/v1/sla/policies/${POLICY.id}`]: answer,
  });
  renderUi(<PolicyModal editing={editing} onClose={() => undefined} onSaved={(created) => saved.push(created)} />);
  return { calls, saved };
}

const cell = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const fieldError = (id: string) => cell(id).closest('.ant-form-item')!.querySelector('.ant-form-item-explain-error')?.textContent ?? '';
const type = (id: string, value: string) => fireEvent.change(cell(id), { target: { value } });
/** 首次响应计时至: the radio button with this label */
const firstResponseOn = (label: string) => within(screen.getByTestId('policy-first-response-on')).getByLabelText(label) as HTMLInputElement;

describe('the SLA policy editor', () => {
  // many selects to open: slow on a loaded machine
  it('creates a policy from the conditions, the calendar and the targets grid', { timeout: 90_000 }, async () => {
    const { calls, saved } = start('new');
    fireEvent.change(await screen.findByTestId('policy-name'), { target: { value: '大客户电话报修' } });
    await choose('policy-priorities', '紧急');
    await choose('policy-tiers', '大客户');
    await choose('policy-calendar', '工作日 9:00–18:00');
    // 首次响应 30 分钟, around the clock
    type('target-urgent-first_response', '30');
    await choose('target-urgent-first_response-unit', '分钟');
    await choose('target-urgent-first_response-kind', '自然时间');
    // 解决时限 4 小时 in business hours (the cell's defaults)
    type('target-urgent-resolution', '4');
    type('target-high-resolution', '1.5');
    expect((screen.getByTestId('policy-warn') as HTMLInputElement).value).toBe('30');
    // 首次响应计时至: the first public reply unless chosen otherwise; 受理（接单） for this team
    expect(firstResponseOn('首次公开回复').checked).toBe(true);
    expect(screen.getByText(/工单第一次离开“待受理”/)).toBeTruthy();
    fireEvent.click(firstResponseOn('受理（接单）'));
    await waitFor(() => expect(firstResponseOn('受理（接单）').checked).toBe(true));
    fireEvent.click(screen.getByTestId('policy-save'));
    await waitFor(() => expect(saved).toEqual([true]));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: '大客户电话报修',
      description: '',
      active: true,
      conditions: { priorities: ['urgent'], tiers: ['key_account'] },
      calendarId: CAL,
      targets: {
        urgent: { first_response: { minutes: 30, business: false }, resolution: { minutes: 240, business: true } },
        high: { resolution: { minutes: 90, business: true } },
      },
      warnRemaining: 0.3,
      firstResponseOn: 'accept',
    });
  });

  it('opens a policy with its own values: hours where they are whole, its warning share', async () => {
    const { calls } = start(POLICY);
    await waitFor(() => expect(cell('policy-name').value).toBe('紧急工单'));
    expect(cell('target-urgent-first_response').value).toBe('30');
    expect(screen.getByTestId('target-urgent-first_response-unit').textContent).toContain('分钟');
    expect(screen.getByTestId('target-urgent-first_response-kind').textContent).toContain('自然时间');
    expect(cell('target-urgent-resolution').value).toBe('4');
    expect(screen.getByTestId('target-urgent-resolution-unit').textContent).toContain('小时');
    expect(cell('policy-warn').value).toBe('25');
    expect(firstResponseOn('受理（接单）').checked).toBe(true);
    type('policy-warn', '40');
    fireEvent.click(firstResponseOn('首次公开回复'));
    fireEvent.click(screen.getByTestId('policy-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ warnRemaining: 0.4, firstResponseOn: 'reply', targets: POLICY.targets, conditions: POLICY.conditions });
  });

  it('asks for a target before sending', async () => {
    const { calls } = start('new');
    fireEvent.change(await screen.findByTestId('policy-name'), { target: { value: '普通工单' } });
    fireEvent.click(screen.getByTestId('policy-save'));
    expect((await screen.findByTestId('policy-error')).textContent).toContain('至少填写一个时限');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('shows the server’s field errors under their fields, a target’s under its cell', async () => {
    start('new', () => ({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'invalid',
          details: [
            { field: 'name', code: 'duplicate', message: 'name: a policy with this name exists' },
            { field: 'targets.urgent.resolution.minutes', code: 'too_big', message: 'targets.urgent.resolution.minutes: at most 525600' },
          ],
        },
      },
    }));
    fireEvent.change(await screen.findByTestId('policy-name'), { target: { value: '紧急工单' } });
    type('target-urgent-resolution', '5000');
    fireEvent.click(screen.getByTestId('policy-save'));
    await waitFor(() => expect(fieldError('policy-name')).toBe('已存在'));
    expect(fieldError('target-urgent-resolution')).toBe('内容太长');
    expect(screen.queryByTestId('policy-error')).toBeNull();
  });
});

describe('policy values ↔ body', () => {
  it('round-trips a policy and leaves empty cells and conditions out', () => {
    const body = policyBody(policyValues(POLICY));
    expect(body).toEqual({ name: '紧急工单', description: '', active: true, conditions: POLICY.conditions, calendarId: CAL, targets: POLICY.targets, warnRemaining: 0.25, firstResponseOn: 'accept' });
    const fresh = policyValues(null);
    expect([fresh.warnRemaining, fresh.firstResponseOn]).toEqual([30, 'reply']);
    expect(policyBody({ ...fresh, name: ' 默认 ', conditions: { priorities: [], teamIds: [] } })).toEqual({ name: '默认', description: '', active: true, conditions: {}, calendarId: null, targets: {}, warnRemaining: 0.3, firstResponseOn: 'reply' });
  });
});
