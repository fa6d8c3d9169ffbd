import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../api/types';
import type { SignedIn } from '../../auth/auth-context';
import { LookupsProvider } from '../../common/lookups';
import { renderUi, stubFetch } from '../../test/render';
import CreateTicketPage from '../create/create-ticket-page';
import { SidePanel } from '../detail/side-panel';
import { SiteInput } from './site-input';
import type { SiteDraft } from './site-geo';

const ID = '0190a0a0-0000-7000-8000-0000000000t1';
const me = { type: 'user', id: '0190a0a0-0000-7000-8000-0000000000u1', name: '坐席小王', role: 'agent', scope: 'all', teamIds: [], contactId: null, tenantId: 't' } satisfies SignedIn;
const ticket = { id: ID, number: 1042, title: '电梯困人', status: 'new', priority: 'high', channel: 'phone', typeId: null, categoryId: null, teamId: null, tags: [], customFields: {}, missingFields: [], watcherIds: [], site: null } as unknown as Ticket;
const GUOMAO = { lat: 39.9087, lng: 116.4605, address: '北京市朝阳区建国门外大街 1 号国贸大厦' };

const type = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

describe('上门地址 in 新建工单', () => {
  beforeEach(() => localStorage.clear());
  const routes = {
    'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/custom-fields': () => ({ status: 200, body: { items: [] } }),
    'POST /api/v1/tickets': (b: unknown) => ({ status: 201, body: { id: 't1', number: 10042, ...(b as object) } }),
  };
  const open = () =>
    renderUi(
      <MemoryRouter>
        <LookupsProvider>
          <CreateTicketPage />
        </LookupsProvider>
      </MemoryRouter>,
    );
  const submit = async () => {
    type('create-title', '电梯困人');
    await act(async () => void fireEvent.click(screen.getByTestId('create-submit')));
  };

  it('sends the typed address and coordinates as site', async () => {
    const calls = stubFetch(routes);
    open();
    expect((await screen.findByTestId('site-input')).closest('.ant-form-item')!.textContent).toContain('上门地址');
    type('site-address', GUOMAO.address);
    type('site-lat', '39.9087');
    type('site-lng', '116.4605');
    await submit();
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ site: GUOMAO });
  });

  it('sends no site when none is given', async () => {
    const calls = stubFetch(routes);
    open();
    await screen.findByTestId('site-input');
    await submit();
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).not.toHaveProperty('site');
  });

  it('refuses bad coordinates in the form with a message, and sends nothing', async () => {
    const calls = stubFetch(routes);
    open();
    await screen.findByTestId('site-input');
    type('site-lat', '95');
    type('site-lng', '116.46');
    await submit();
    expect(await screen.findByText('纬度须在 -90 到 90 之间')).toBeTruthy();
    type('site-lat', '0');
    type('site-lng', '0');
    await submit();
    expect(await screen.findByText('(0, 0) 不是有效位置，请检查经纬度')).toBeTruthy();
    type('site-lat', '');
    type('site-lng', '');
    type('site-address', '国贸大厦');
    await submit();
    expect(await screen.findByText('请填写经纬度或在地图上选点')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});

describe('上门地址 on the ticket page', () => {
  function Page({ initial = ticket }: { initial?: Ticket }) {
    const [current, setCurrent] = useState(initial);
    return (
      <MemoryRouter>
        <SidePanel ticket={current} me={me} version={0} onUpdated={setCurrent} />
      </MemoryRouter>
    );
  }
  const patchRoutes = () =>
    stubFetch({
      'GET /api/v1/custom-fields': () => ({ status: 200, body: { items: [] } }),
      [`PATCH /api/v1/tickets/${ID}`]: (b) => ({ status: 200, body: { ...ticket, ...(b as object) } }),
    });

  it('sets the site with PATCH and shows it', async () => {
    const calls = patchRoutes();
    renderUi(<Page />);
    expect((await screen.findByTestId('site-none')).textContent).toContain('未填写');
    fireEvent.click(screen.getByTestId('site-edit'));
    type('site-address', GUOMAO.address);
    // a pair pasted from a map app fills both fields
    type('site-lat', '39.9087, 116.4605');
    expect((screen.getByTestId('site-lng') as HTMLInputElement).value).toBe('116.4605');
    fireEvent.click(screen.getByTestId('site-save'));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ site: GUOMAO }));
    expect((await screen.findByTestId('site-shown-address')).textContent).toBe(GUOMAO.address);
    expect(screen.getByTestId('site-shown-position').textContent).toContain('39.9087, 116.4605');
  });

  it('refuses bad coordinates before saving', async () => {
    const calls = patchRoutes();
    renderUi(<Page />);
    fireEvent.click(await screen.findByTestId('site-edit'));
    type('site-lat', '39.9');
    type('site-lng', '200');
    fireEvent.click(screen.getByTestId('site-save'));
    expect((await screen.findByTestId('site-error')).textContent).toBe('经度须在 -180 到 180 之间');
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('清除 sends site: null', async () => {
    const calls = patchRoutes();
    renderUi(<Page initial={{ ...ticket, site: GUOMAO } as unknown as Ticket} />);
    expect((await screen.findByTestId('site-shown-address')).textContent).toBe(GUOMAO.address);
    fireEvent.click(screen.getByTestId('site-clear'));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ site: null }));
    expect(await screen.findByTestId('site-none')).toBeTruthy();
  });
});

describe('the site map', () => {
  it('opens the shipped base-layer map, and a click on it sets the coordinates', async () => {
    stubFetch({});
    // (the conversion itself, pickedPosition, is tested in site-geo.test.ts)
    let last: SiteDraft = {};
    function Holder() {
      const [v, setV] = useState<SiteDraft>({});
      return <SiteInput value={v} onChange={(x) => ((last = x), setV(x))} />;
    }
    renderUi(<Holder />);
    fireEvent.click(screen.getByTestId('site-map-toggle'));
    const map = await screen.findByTestId('site-map', {}, { timeout: 5000 });
    const container = await waitFor(() => {
      const c = map.querySelector('.leaflet-container');
      if (!c) throw new Error('no map yet');
      return c as HTMLElement;
    });
    fireEvent.click(container, { clientX: 10, clientY: 10 });
    await waitFor(() => expect(last.lat).toBeTruthy());
    // happy-dom lays nothing out: the click lands on the centre of the first view, China
    expect(Number(last.lat)).toBeGreaterThan(18);
    expect(Number(last.lat)).toBeLessThan(53.5);
    expect(Number(last.lng)).toBeGreaterThan(73);
    expect(Number(last.lng)).toBeLessThan(135);
  });

  it('draws on the configured tile server (MAP_TILE_URL) when there is one', async () => {
    stubFetch({ 'GET /api/v1/dispatch/map-tiles': () => ({ status: 200, body: { tileUrl: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png', attribution: '© 测试图源' } }) });
    renderUi(<SiteInput value={{}} onChange={() => undefined} />);
    fireEvent.click(screen.getByTestId('site-map-toggle'));
    const map = await screen.findByTestId('site-map', {}, { timeout: 5000 });
    await waitFor(() => expect(map.getAttribute('data-base-layer')).toBe('tiles'));
    await waitFor(() => expect(map.querySelector('.leaflet-tile-pane img, .leaflet-control-attribution')).toBeTruthy());
    expect(map.textContent).toContain('© 测试图源');
  });
});
