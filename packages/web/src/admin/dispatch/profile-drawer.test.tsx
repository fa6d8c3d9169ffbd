import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi, stubFetch } from '../../test/render';
import type { DispatchProfile } from './dispatch-api';
import { ProfileDrawer } from './profile-drawer';

// 编辑派单档案: the drawer shows a person's profile, saves every field but the skills in one PUT, and
// puts the server's field errors under their inputs.

const GAO = '0190a0a0-0000-7000-8000-000000000001';
const OUTLET = '0190a0a0-0000-7000-8000-0000000000f1';
const gao = {
  userId: GAO, name: '高峰', email: 'gaofeng@example.cn', role: 'engineer', teamIds: [], configured: true,
  skills: { 电梯维修: 5 },
  certifications: [{ name: '特种设备作业证', expires: '2027-03-20' }, { name: '电工证', expires: null }],
  regions: ['上海市/浦东新区'],
  area: { kind: 'radius', center: [31.23, 121.5], km: 15 },
  languages: ['zh', 'en'],
  productLines: ['电梯'],
  shift: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:30', followsCalendar: false },
  capacity: { ticket: 6, field: 3 },
  home: { lat: 31.2, lng: 121.45 },
  outletId: OUTLET,
  status: 'available',
  statusAt: null,
  shiftNow: true,
} as DispatchProfile;

function start(put: (body: unknown) => { status: number; body?: unknown }, more: Parameters<typeof stubFetch>[0] = {}) {
  const calls = stubFetch({
    ...more,
    'GET /api/v1/dispatch/outlets': () => ({ status: 200, body: { items: [{ id: OUTLET, name: '浦东网点', address: '', lat: 31.2, lng: 121.5, active: true }] } }),
    [`PUT /api/v1/dispatch/profiles/${GAO}`]: put,
  });
  const onSaved = vi.fn();
  renderUi(<ProfileDrawer profile={gao} onClose={() => undefined} onSaved={onSaved} />);
  return { calls, onSaved };
}
const input = (testId: string) => {
  const el = screen.getByTestId(testId);
  return (el.tagName === 'INPUT' ? el : el.querySelector('input')!) as HTMLInputElement;
};

describe('dispatch profile drawer', () => {
  it('fills from the profile and sends every field but the skills in one PUT', async () => {
    const { calls, onSaved } = start((body) => ({ status: 200, body: { ...gao, ...(body as object) } }));
    await screen.findByText('高峰的派单档案');
    expect(input('profile-cert-name-0').value).toBe('特种设备作业证');
    expect(input('profile-cert-expires-0').value).toBe('2027-03-20');
    expect(input('profile-cert-name-1').value).toBe('电工证');
    expect(input('profile-shift-start').value).toBe('08:00');
    expect(input('profile-shift-end').value).toBe('17:30');
    expect(input('profile-capacity-ticket').value).toBe('6');
    expect(input('profile-capacity-chat').value).toBe('');
    expect(input('profile-area-km').value).toBe('15');
    expect(Number(input('profile-home-lat').value)).toBe(31.2);
    expect(screen.getByTestId('profile-regions').textContent).toContain('上海市/浦东新区');
    await waitFor(() => expect(screen.getByTestId('profile-outlet').textContent).toContain('浦东网点'));

    // a night shift on the weekend on the working calendar, more on-site work, one certification less
    expect((screen.getByTestId('profile-shift-calendar') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByTestId('profile-shift-calendar'));
    fireEvent.click(screen.getByLabelText('六'));
    fireEvent.change(input('profile-shift-start'), { target: { value: '22:00' } });
    fireEvent.change(input('profile-shift-end'), { target: { value: '06:00' } });
    fireEvent.change(input('profile-capacity-field'), { target: { value: '8' } });
    fireEvent.blur(input('profile-capacity-field'));
    fireEvent.click(screen.getByTestId('profile-cert-remove-1'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('profile-save'));
    });
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      certifications: [{ name: '特种设备作业证', expires: '2027-03-20' }],
      regions: ['上海市/浦东新区'],
      area: { kind: 'radius', center: [31.23, 121.5], km: 15 },
      languages: ['zh', 'en'],
      productLines: ['电梯'],
      shift: { days: [1, 2, 3, 4, 5, 6], start: '22:00', end: '06:00', followsCalendar: true },
      capacity: { ticket: 6, chat: null, field: 8 },
      home: { lat: 31.2, lng: 121.45 },
      outletId: OUTLET,
      status: 'available',
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it('sends no shift for 全天 and no area for 不限', async () => {
    const { calls } = start((body) => ({ status: 200, body: { ...gao, ...(body as object) } }));
    await screen.findByText('高峰的派单档案');
    fireEvent.click(screen.getByTestId('profile-all-day'));
    fireEvent.click(screen.getByLabelText('不限'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('profile-save'));
    });
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    const body = calls.find((c) => c.method === 'PUT')!.body as Record<string, unknown>;
    expect(body.shift).toBeNull();
    expect(body.area).toBeNull();
    expect(screen.queryByTestId('profile-shift-start')).toBeNull();
  });

  it("shows the server's field error under the input it is about", async () => {
    const message = 'capacity.field: a capacity is 0 to 200';
    start(() => ({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message, field: 'capacity.field', details: [{ field: 'capacity.field', code: 'too_big', message }] } } }));
    await screen.findByText('高峰的派单档案');
    await act(async () => {
      fireEvent.click(screen.getByTestId('profile-save'));
    });
    const item = await waitFor(() => {
      const el = screen.getByTestId('profile-capacity-field').closest('.ant-form-item')!;
      expect(el.querySelector('.ant-form-item-explain-error')).not.toBeNull();
      return el;
    });
    expect(item.className).toContain('has-error');
    expect(screen.queryByTestId('profile-error')).toBeNull();
  });

  it('offers the certifications, regions and product lines people hold with their counts, and takes a new one', async () => {
    const vocabulary = {
      skills: [],
      certifications: [{ name: '特种设备作业证', people: 6, valid: 6 }, { name: '高压电工证', people: 2, valid: 1 }],
      regions: [{ name: '上海市/浦东新区', people: 4 }, { name: '上海市/徐汇区', people: 1 }],
      productLines: [{ name: '电梯', people: 6 }, { name: '扶梯', people: 2 }],
      languages: [],
    };
    const { calls } = start((body) => ({ status: 200, body: { ...gao, ...(body as object) } }), { 'GET /api/v1/dispatch/vocabulary': () => ({ status: 200, body: vocabulary }) });
    await screen.findByText('高峰的派单档案');
    const option = (label: string) =>
      waitFor(() => {
        const found = screen.getAllByText(label).find((el) => el.closest('.ant-select-item-option'));
        if (!found) throw new Error(`no option ${label} yet`);
        return found;
      });
    // the certification name: typed, the known ones containing it with their counts
    const cert = input('profile-cert-name-1');
    fireEvent.focus(cert);
    fireEvent.change(cert, { target: { value: '电工' } });
    fireEvent.click(await option('高压电工证 · 2 人（有效 1 人）'));
    await waitFor(() => expect(cert.value).toBe('高压电工证'));
    // regions and product lines: the list says how many hold each; the tag the name alone
    fireEvent.mouseDown(screen.getByTestId('profile-product-lines').querySelector('.ant-select-selector') ?? screen.getByTestId('profile-product-lines'));
    const line = await option('扶梯');
    expect(line.closest('.ant-select-item-option')!.textContent).toBe('扶梯 · 2 人');
    fireEvent.click(line);
    const regions = input('profile-regions');
    fireEvent.focus(regions);
    fireEvent.change(regions, { target: { value: '徐汇' } });
    expect((await option('上海市/徐汇区')).closest('.ant-select-item-option')!.textContent).toBe('上海市/徐汇区 · 1 人');
    // a region nobody holds yet is taken as typed
    fireEvent.change(regions, { target: { value: '上海市/闵行区' } });
    fireEvent.keyDown(regions, { key: 'Enter', keyCode: 13 });
    await act(async () => {
      fireEvent.click(screen.getByTestId('profile-save'));
    });
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({
      certifications: [{ name: '特种设备作业证', expires: '2027-03-20' }, { name: '高压电工证', expires: null }],
      regions: ['上海市/浦东新区', '上海市/闵行区'],
      productLines: ['电梯', '扶梯'],
    });
    expect(calls.filter((c) => c.url.includes('/dispatch/vocabulary'))).toHaveLength(1);
  });
});
