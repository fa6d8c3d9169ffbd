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
  dailyLimit: { field: 6 },
  home: { lat: 31.2, lng: 121.45 },
  outletId: OUTLET,
  status: 'available',
  statusAt: null,
  shiftNow: true,
} as DispatchProfile;

function start(put: (body: unknown) => { status: number; body?: unknown }, more: Parameters<typeof stubFetch>[0] = {}, profile: DispatchProfile = gao) {
  const calls = stubFetch({
    ...more,
    'GET /api/v1/dispatch/outlets': () => ({ status: 200, body: { items: [{ id: OUTLET, name: '浦东网点', address: '', lat: 31.2, lng: 121.5, active: true }] } }),
    [`PUT /api/v1/dispatch/profiles/${GAO}`]: put,
  });
  const onSaved = vi.fn();
  renderUi(<ProfileDrawer profile={profile} onClose={() => undefined} onSaved={onSaved} />);
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
    expect(input('profile-daily-field').value).toBe('6');
    expect(input('profile-daily-ticket').placeholder).toBe('不限');
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
    // 每日上限: 30 tickets a day, the visits' limit emptied (sent as null: the tenant default, else none)
    fireEvent.change(input('profile-daily-ticket'), { target: { value: '30' } });
    fireEvent.blur(input('profile-daily-ticket'));
    fireEvent.change(input('profile-daily-field'), { target: { value: '' } });
    fireEvent.blur(input('profile-daily-field'));
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
      dailyLimit: { ticket: 30, chat: null, field: null },
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

describe('服务范围 on the map', () => {
  // the one map on screen (the other kind's gone), once it takes clicks: the zoom control is added with
  // the click handler, after the container is there
  const map = () =>
    waitFor(
      () => {
        const regions = screen.queryAllByTestId('profile-area-map');
        const c = regions.length === 1 ? regions[0].querySelector<HTMLElement>('.leaflet-container') : null;
        if (!c?.querySelector('.leaflet-control-zoom')) throw new Error('no map yet');
        return c;
      },
      { timeout: 5000 },
    );
  // the form re-renders on a change of kind a moment later (Form.useWatch)
  const choose = async (kind: string, shown: string) => {
    fireEvent.click(screen.getByLabelText(kind));
    await screen.findByTestId(shown);
  };
  // happy-dom lays nothing out: a click at (x, y) lands x px east and y px south of the first view's centre
  const clickMap = (m: HTMLElement, x: number, y: number) => fireEvent.click(m, { clientX: x, clientY: y });
  const count = () => screen.getByTestId('profile-area-count').textContent;
  const drawn = (m: HTMLElement, what: 'shape' | 'vertex') => m.querySelectorAll(`path.gd-area-${what}`).length;
  const save = () => act(async () => void fireEvent.click(screen.getByTestId('profile-save')));
  const puts = (calls: { method: string; body: unknown }[]) => calls.filter((c) => c.method === 'PUT').map((c) => c.body as { area: { kind: string; points?: number[][]; center?: number[]; km?: number } });
  const sixDecimals = (n: number) => Number(n.toFixed(6)) === n;
  const TOO_FEW = '多边形至少需要 3 个点，请在地图上继续点击';
  const ok = (body: unknown) => ({ status: 200, body: { ...gao, ...(body as object) } });

  it('draws a polygon by clicks on a map opened at the home base, 撤销上一点, refuses fewer than 3 points, and sends it', async () => {
    const { calls } = start(ok);
    await screen.findByText('高峰的派单档案');
    await choose('多边形', 'profile-area-polygon');
    const m = await map();
    expect(count()).toBe('已画 0 个点（至少 3 个）');
    clickMap(m, 0, 0);
    clickMap(m, 120, 0);
    clickMap(m, 60, 100);
    expect(count()).toBe('已画 3 个点（至少 3 个）');
    await waitFor(() => expect([drawn(m, 'shape'), drawn(m, 'vertex')]).toEqual([1, 3]));

    fireEvent.click(screen.getByTestId('profile-area-undo'));
    expect(count()).toBe('已画 2 个点（至少 3 个）');
    await waitFor(() => expect([drawn(m, 'shape'), drawn(m, 'vertex')]).toEqual([1, 2]));
    await save();
    expect(await screen.findByText(TOO_FEW)).toBeTruthy();
    expect(puts(calls)).toEqual([]);

    // the third point again: the message goes, the save sends the polygon
    clickMap(m, 60, 100);
    await waitFor(() => expect(screen.queryByText(TOO_FEW)).toBeNull());
    await save();
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const { area } = puts(calls)[0];
    expect(area.kind).toBe('polygon');
    expect(Object.keys(area)).toEqual(['kind', 'points']);
    const [a, b, c] = area.points!;
    expect(area.points).toHaveLength(3);
    // the map opened on 高峰's home base (31.2, 121.45): the first click is there, the others east and south of it
    expect(a[0]).toBeCloseTo(31.2, 2);
    expect(a[1]).toBeCloseTo(121.45, 2);
    expect(b[0]).toBe(a[0]);
    expect(b[1]).toBeGreaterThan(a[1] + 0.05);
    expect(c[0]).toBeLessThan(a[0] - 0.03);
    expect(area.points!.flat().every(sixDecimals)).toBe(true);
  });

  it('清除 empties the polygon, which a save refuses; each kind keeps its values while the admin switches', async () => {
    const { calls } = start(ok);
    await screen.findByText('高峰的派单档案');
    await choose('多边形', 'profile-area-polygon');
    const m = await map();
    clickMap(m, 0, 0);
    clickMap(m, 50, 0);
    clickMap(m, 0, 50);
    await choose('半径范围', 'profile-area-km');
    expect(input('profile-area-km').value).toBe('15');
    expect(Number(input('profile-area-lat').value)).toBe(31.23);
    await choose('多边形', 'profile-area-polygon');
    expect(count()).toBe('已画 3 个点（至少 3 个）');

    fireEvent.click(screen.getByTestId('profile-area-clear'));
    expect(count()).toBe('已画 0 个点（至少 3 个）');
    await waitFor(() => expect(drawn(m, 'vertex') + drawn(m, 'shape')).toBe(0));
    await save();
    expect(await screen.findByText(TOO_FEW)).toBeTruthy();
    expect(puts(calls)).toEqual([]);

    // back to the radius, as it was: that is what is sent
    await choose('半径范围', 'profile-area-km');
    await save();
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0].area).toEqual({ kind: 'radius', center: [31.23, 121.5], km: 15 });
  });

  it('draws the radius, which follows the km input, and a click on the map sets its centre', async () => {
    const { calls } = start(ok);
    await screen.findByText('高峰的派单档案');
    const m = await map();
    const radiusPx = () => Number(/a([\d.]+),/.exec(m.querySelector('path.gd-area-shape')?.getAttribute('d') ?? '')?.[1]);
    await waitFor(() => expect(radiusPx()).toBeGreaterThan(0));
    const wide = radiusPx();
    fireEvent.change(input('profile-area-km'), { target: { value: '5' } });
    await waitFor(() => expect(radiusPx()).toBeCloseTo(wide / 3, 0));

    // a click sets the centre; one 60 px to the east and south of it moves it that way (happy-dom has no
    // layout: where the first lands depends on the view the map opened on, near 高峰's area and home)
    const centre = () => [Number(input('profile-area-lat').value), Number(input('profile-area-lng').value)];
    clickMap(m, 0, 0);
    await waitFor(() => expect(centre()).not.toEqual([31.23, 121.5]));
    const [lat0, lng0] = centre();
    expect(Math.abs(lat0 - 31.22)).toBeLessThan(0.05);
    expect(Math.abs(lng0 - 121.48)).toBeLessThan(0.05);
    clickMap(m, 60, 60);
    await waitFor(() => expect(centre()[0]).toBeLessThan(lat0 - 0.03));
    const [lat, lng] = centre();
    expect(lng).toBeGreaterThan(lng0 + 0.03);
    await save();
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0].area).toEqual({ kind: 'radius', center: [lat, lng], km: 5 });
  });

  it('shows a stored polygon to edit', async () => {
    const square = [[31.1, 121.4], [31.1, 121.6], [31.3, 121.6], [31.3, 121.4]];
    const { calls } = start(ok, {}, { ...gao, area: { kind: 'polygon', points: square } } as DispatchProfile);
    await screen.findByText('高峰的派单档案');
    expect((screen.getByLabelText('多边形') as HTMLInputElement).checked).toBe(true);
    const m = await map();
    expect(count()).toBe('已画 4 个点（至少 3 个）');
    await waitFor(() => expect([drawn(m, 'shape'), drawn(m, 'vertex')]).toEqual([1, 4]));
    fireEvent.click(screen.getByTestId('profile-area-undo'));
    await save();
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0].area).toEqual({ kind: 'polygon', points: square.slice(0, 3) });
  });

  it('refuses a polygon of more than 200 points, until one is taken away', async () => {
    const many = Array.from({ length: 201 }, (_, i) => [31 + Math.sin(i / 32) / 10, 121.5 + Math.cos(i / 32) / 10]);
    const { calls } = start(ok, {}, { ...gao, area: { kind: 'polygon', points: many } } as DispatchProfile);
    await screen.findByText('高峰的派单档案');
    await map();
    await save();
    expect(await screen.findByText('多边形最多 200 个点，请撤销多余的点')).toBeTruthy();
    expect(puts(calls)).toEqual([]);
    fireEvent.click(screen.getByTestId('profile-area-undo'));
    await waitFor(() => expect(screen.queryByText('多边形最多 200 个点，请撤销多余的点')).toBeNull());
    await save();
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0].area.points).toHaveLength(200);
  });
});
