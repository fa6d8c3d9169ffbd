import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { stubFetch } from '../test/render';
import PortalPage from './portal-page';

// The portal page without the console: the tenant's look, zh-CN by default with an English switch,
// tracking a request with its number and query code (the agent's reply shown, confirm when solved).

const CONFIG = {
  slug: 'huadong', name: '华东物业', title: '华东物业自助服务', logoUrl: null, primaryColor: '#0a7d5a', defaultLocale: 'zh-CN',
  canSubmit: true, token: 'tok', minFillSeconds: 1,
  categories: [{ id: '0190a3c4-0000-7000-8000-000000000001', nameZh: '设备报修', nameEn: 'Repairs', typeId: '0190a3c4-0000-7000-8000-000000000002', fields: [{ key: 'room', kind: 'text', labelZh: '房间号', labelEn: 'Room', required: true, options: [] }] }],
};
const TRACKED = {
  number: 1024, reference: '1024', title: '空调不制冷', status: 'resolved', statusText: '已解决，请确认', createdAt: null, updatedAt: null,
  expected: null, visit: null, canConfirm: true, canReopen: true, canReply: true, files: [],
  messages: [{ id: '0190a3c4-0000-7000-8000-000000000003', from: 'agent', authorName: '王师傅', text: '已更换压缩机电容', body: '<p>已更换压缩机电容</p>', at: '2026-12-05T08:00:00Z', files: [] }],
};

const renderPortal = (url = '/portal/huadong') =>
  render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/portal/:slug" element={<PortalPage />} />
      </Routes>
    </MemoryRouter>,
  );

afterEach(() => sessionStorage.clear());

describe('portal page', () => {
  it('shows the tenant title, the category form with its custom field, and switches to English', async () => {
    stubFetch({ 'GET /api/v1/portal/huadong': () => ({ status: 200, body: CONFIG }), 'GET /api/v1/portal/huadong/help': () => ({ status: 200, body: { categories: [], hits: [] } }) });
    renderPortal();
    expect((await screen.findByTestId('portal-title')).textContent).toContain('华东物业自助服务');
    fireEvent.click(screen.getByTestId('portal-tab-new'));
    expect(screen.getByText('房间号')).toBeTruthy();
    fireEvent.click(screen.getByTestId('portal-locale'));
    expect(await screen.findByText('Room')).toBeTruthy();
    expect((screen.getByTestId('portal-submit')).textContent).toContain('Submit');
  });

  it('submits a request as a multipart form with the photo as it is, and refuses an oversized photo before sending', async () => {
    const calls = stubFetch({
      'GET /api/v1/portal/huadong': () => ({ status: 200, body: CONFIG }),
      'GET /api/v1/portal/huadong/help': () => ({ status: 200, body: { categories: [], hits: [] } }),
      'POST /api/v1/portal/huadong/events': () => ({ status: 204 }),
      'POST /api/v1/portal/huadong/requests': () => ({ status: 201, body: { number: 1025, reference: '1025', queryCode: 'AB12-CD34', sentTo: [] } }),
    });
    renderPortal();
    fireEvent.click(await screen.findByTestId('portal-tab-new'));
    fireEvent.change(screen.getByTestId('portal-field-title'), { target: { value: '会议室空调不制冷' } });
    fireEvent.change(screen.getByTestId('portal-field-description'), { target: { value: '开了一小时还是不冷' } });
    fireEvent.change(screen.getByTestId('portal-custom-room'), { target: { value: '301' } });
    fireEvent.change(screen.getByTestId('portal-field-name'), { target: { value: '陈静' } });
    const big = new File([new Uint8Array(10 * 1048576 + 1)], '原图.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByTestId('portal-files'), { target: { files: [big] } });
    expect(screen.getByTestId('portal-files-names').textContent).toBe('原图.jpg');
    fireEvent.submit(screen.getByTestId('portal-form'));
    expect((await screen.findByTestId('portal-form-error')).textContent).toContain('附件太大');
    expect(calls.some((c) => c.url.endsWith('/requests'))).toBe(false);

    const photo = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '空调面板.png', { type: 'image/png' });
    fireEvent.change(screen.getByTestId('portal-files'), { target: { files: [photo] } });
    fireEvent.submit(screen.getByTestId('portal-form'));
    expect((await screen.findByTestId('portal-number')).textContent).toBe('1025');
    const form = calls.find((c) => c.url.endsWith('/requests'))!.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(form.get('title')).toBe('会议室空调不制冷');
    expect(JSON.parse(String(form.get('customFields')))).toEqual({ room: '301' });
    expect((form.getAll('files') as File[]).map((f) => [f.name, f.size])).toEqual([['空调面板.png', 4]]);
    expect(form.get('attachments')).toBeNull();
  });

  it('tracks a request by number and code and confirms the fix', async () => {
    const calls = stubFetch({
      'GET /api/v1/portal/huadong': () => ({ status: 200, body: CONFIG }),
      'POST /api/v1/portal/huadong/requests/1024/track': () => ({ status: 200, body: TRACKED }),
      'POST /api/v1/portal/huadong/requests/1024/confirm': () => ({ status: 200, body: { ...TRACKED, status: 'closed', statusText: '已关闭', canConfirm: false, canReopen: false, canReply: false } }),
    });
    renderPortal('/portal/huadong?ref=1024');
    fireEvent.change(await screen.findByTestId('portal-track-code'), { target: { value: '7KQ2-M9XD' } });
    fireEvent.click(screen.getByTestId('portal-track-go'));
    expect(await screen.findByText('已更换压缩机电容')).toBeTruthy();
    expect(calls.at(-1)?.body).toMatchObject({ code: '7KQ2-M9XD', locale: 'zh-CN' });
    fireEvent.click(screen.getByTestId('portal-confirm'));
    await waitFor(() => expect((screen.getByTestId('portal-status')).textContent).toContain('已关闭'));
  });

  it('shows the visit booked with the customer (预约上门)', async () => {
    const visit = { windowStart: '2026-12-07T06:00:00.000Z', windowEnd: '2026-12-07T08:00:00.000Z', text: '已预约上门：12月7日 14:00–16:00' };
    stubFetch({
      'GET /api/v1/portal/huadong': () => ({ status: 200, body: CONFIG }),
      'POST /api/v1/portal/huadong/requests/1024/track': () => ({ status: 200, body: { ...TRACKED, status: 'open', statusText: '处理中', visit } }),
    });
    renderPortal('/portal/huadong?ref=1024');
    fireEvent.change(await screen.findByTestId('portal-track-code'), { target: { value: '7KQ2-M9XD' } });
    fireEvent.click(screen.getByTestId('portal-track-go'));
    expect((await screen.findByTestId('portal-visit')).textContent).toBe('已预约上门：12月7日 14:00–16:00');
  });

  it('rates a solved request in its survey with stars and a comment, then shows the answer', async () => {
    const survey = { id: '0190a3c4-0000-7000-8000-000000000004', npsAsked: false, open: true, answer: null };
    const calls = stubFetch({
      'GET /api/v1/portal/huadong': () => ({ status: 200, body: CONFIG }),
      'POST /api/v1/portal/huadong/requests/1024/track': () => ({ status: 200, body: { ...TRACKED, survey } }),
      'POST /api/v1/portal/huadong/requests/1024/rate': () => ({ status: 200, body: { ...TRACKED, survey: { ...survey, open: false, answer: { score: 4, nps: null, comment: '师傅很专业' } } } }),
    });
    renderPortal('/portal/huadong?ref=1024');
    fireEvent.change(await screen.findByTestId('portal-track-code'), { target: { value: '7KQ2-M9XD' } });
    fireEvent.click(screen.getByTestId('portal-track-go'));
    fireEvent.change(await screen.findByTestId('portal-rate-comment'), { target: { value: ' 师傅很专业 ' } });
    fireEvent.click(screen.getByTestId('portal-star-4'));
    await waitFor(() => expect(screen.getByTestId('portal-rated').textContent).toBe('您的评分：★★★★师傅很专业'));
    expect(calls.at(-1)?.body).toMatchObject({ code: '7KQ2-M9XD', score: 4, comment: '师傅很专业' });
    expect(screen.queryByTestId('portal-rate')).toBeNull();
  });

  it('keeps the search hits when the slower first list answers after them', async () => {
    let releaseFirst: () => void = () => undefined;
    const first = new Promise<void>((r) => (releaseFirst = r));
    const help = (hits: unknown[]) => new Response(JSON.stringify({ categories: [], hits }), { status: 200, headers: { 'content-type': 'application/json' } });
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/v1/portal/huadong') return new Response(JSON.stringify(CONFIG), { status: 200, headers: { 'content-type': 'application/json' } });
      if (!url.searchParams.get('q')) {
        await first;
        return help([{ articleId: 'a1', title: '门禁卡失效怎么办', titleHtml: null, snippet: null, categoryId: null }]);
      }
      return help([{ articleId: 'a2', title: '空调不制冷', titleHtml: '<mark>空调</mark>不<mark>制冷</mark>', snippet: '先检查<mark>制冷</mark>模式', categoryId: null }]);
    }) as typeof fetch;
    renderPortal();
    fireEvent.change(await screen.findByTestId('portal-search'), { target: { value: '空调不制冷' } });
    fireEvent.click(screen.getByTestId('portal-search-go'));
    await waitFor(() => expect(screen.getByTestId('portal-hits').textContent).toContain('空调不制冷'));
    releaseFirst();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('portal-hits').textContent).not.toContain('门禁卡失效');
    expect(screen.getByTestId('portal-hits').querySelectorAll('mark')).toHaveLength(3);
  });

  it('says so when the portal does not exist', async () => {
    stubFetch({});
    renderPortal('/portal/nobody');
    expect((await screen.findByTestId('portal-missing')).textContent).toContain('该服务门户不存在或未开启');
  });
});
