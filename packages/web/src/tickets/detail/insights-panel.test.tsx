import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Insights } from '../../api/intelligence-types';
import type { Ticket } from '../../api/types';
import { renderUi, stubFetch } from '../../test/render';
import { InsightsPanel, setByIntelligence } from './insights-panel';

const ID = '0190a0a0-0000-7000-8000-0000000000t1';
const TEAM = '0190a0a0-0000-7000-8000-0000000000f1';
const CAT = '0190a0a0-0000-7000-8000-0000000000c1';
const DUP = '0190a0a0-0000-7000-8000-0000000000t2';
const REL = '0190a0a0-0000-7000-8000-0000000000t3';
const ticket = { id: ID, number: 1042, title: '打印机无法连接', status: 'new', priority: 'normal', categoryId: null, teamId: TEAM, tags: ['待分拣'], customFields: {} } as unknown as Ticket;

const insights: Insights = {
  ticketId: ID,
  analyzedAt: '2026-11-22T08:00:00Z',
  needsTriage: true,
  predictions: {
    category: { value: CAT, label: '打印机', confidence: 0.62, applied: false, source: 'model', reasons: [{ kind: 'words', words: ['打印机', '卡纸'] }] },
    team: { value: TEAM, label: '桌面支持组', confidence: 0.91, applied: true, source: 'model', reasons: [{ kind: 'words', words: ['打印机'] }] },
    priority: { value: 'high', label: 'High', confidence: 1, applied: false, source: 'rules', reasons: [{ kind: 'angry_customer', words: ['第三次', '投诉'] }, { kind: 'repeat_contact', words: [], count: 2 }, { kind: 'phone_channel', words: [] }] },
  },
  sentiment: { label: 'negative', score: -0.8, angry: true, cues: ['第三次', '投诉'] },
  extracted: [
    { kind: 'mobile', value: '13800138000', text: '138-0013-8000', field: 'contact_phone' },
    { kind: 'error_code', value: 'E21', text: 'E21' },
  ],
  prefilled: ['contact_phone'],
  duplicates: [
    { ticketId: DUP, number: 1040, title: '三楼打印机卡纸', status: 'open', score: 0.86, reasons: ['same_requester', 'similar_text'] },
    { ticketId: REL, number: 1001, title: '打印机驱动', status: 'resolved', score: 0.41, reasons: ['same_asset'] },
  ],
};

/** The panel as the ticket page holds it: the ticket replaced by what a PATCH answers. */
function Page({ onLinked = () => undefined }: { onLinked?: () => void }) {
  const [current, setCurrent] = useState(ticket);
  return (
    <MemoryRouter>
      <span data-testid="current-category">{current.categoryId ?? ''}</span>
      <InsightsPanel ticket={current} version={0} onUpdated={setCurrent} onLinked={onLinked} />
    </MemoryRouter>
  );
}

describe('智能分析 on the ticket page', () => {
  it('tells what was set automatically from suggestions, and adopts a suggestion with one PATCH', async () => {
    const calls = stubFetch({
      [`GET /api/v1/tickets/${ID}/insights`]: () => ({ status: 200, body: insights }),
      [`PATCH /api/v1/tickets/${ID}`]: (b) => ({ status: 200, body: { ...ticket, ...(b as object) } }),
    });
    renderUi(<Page />);
    const panel = await screen.findByTestId('insights-panel');
    await screen.findByTestId('insight-predictions');
    expect(within(panel).getByTestId('insight-triage').textContent).toBe('待分拣');
    expect(screen.getByTestId('insight-applied-team').textContent).toBe('已自动设置');
    expect(screen.queryByTestId('insight-adopt-team')).toBeNull();
    expect(screen.getByTestId('insight-prediction-category').textContent).toContain('打印机');
    expect(screen.getByTestId('insight-confidence-category').textContent).toBe('置信度 62%');
    expect(screen.getByTestId('insight-prediction-priority').textContent).toContain('高');
    expect(within(screen.getByTestId('insight-explanation-category')).getByText('卡纸')).toBeTruthy();
    // a level the rules set: no percentage claimed, and its reasons in Chinese words, never the server's codes
    expect(screen.getByTestId('insight-confidence-priority').textContent).toBe('按规则');
    const why = [...screen.getByTestId('insight-explanation-priority').querySelectorAll('.ant-tag')].map((x) => x.textContent);
    expect(why).toEqual(['情绪激动：第三次、投诉', '第 3 次反映同一问题', '电话来电']);
    await act(async () => void fireEvent.click(screen.getByTestId('insight-adopt-category')));
    await waitFor(() => expect(screen.getByTestId('current-category').textContent).toBe(CAT));
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([{ method: 'PATCH', url: `/api/v1/tickets/${ID}`, body: { categoryId: CAT } }]);
    // now the ticket's own value: no button any more
    expect(screen.getByTestId('insight-current-category').textContent).toBe('已采用');
    expect(screen.queryByTestId('insight-adopt-category')).toBeNull();
    expect(screen.getByTestId('insight-adopt-priority')).toBeTruthy();
  });

  it('flags an upset requester with the cues, and marks details that filled a custom field', async () => {
    stubFetch({ [`GET /api/v1/tickets/${ID}/insights`]: () => ({ status: 200, body: insights }) });
    renderUi(<Page />);
    expect((await screen.findByTestId('insight-angry')).textContent).toBe('情绪激动');
    expect(screen.getAllByTestId('insight-cue').map((c) => c.textContent)).toEqual(['第三次', '投诉']);
    const mobile = screen.getByTestId('insight-extracted-mobile');
    expect(mobile.textContent).toContain('手机');
    expect(mobile.textContent).toContain('13800138000');
    expect(within(mobile).getByTestId('insight-prefilled').textContent).toBe('已自动填写');
    const code = screen.getByTestId('insight-extracted-error_code');
    expect(code.textContent).toContain('故障码');
    expect(within(code).queryByTestId('insight-prefilled')).toBeNull();
  });

  it('marks a possible duplicate or relates it with one link request each', async () => {
    const calls = stubFetch({
      [`GET /api/v1/tickets/${ID}/insights`]: () => ({ status: 200, body: insights }),
      [`POST /api/v1/tickets/${ID}/links`]: (b) => {
        const body = b as { targetId: string; kind: string };
        const n = body.targetId === DUP ? 1040 : 1001;
        return { status: 201, body: { id: body.targetId, number: n, title: 'x', status: 'open', kind: body.kind, direction: 'outgoing', createdAt: '2026-11-22T09:00:00Z' } };
      },
    });
    const onLinked = vi.fn();
    renderUi(<Page onLinked={onLinked} />);
    const dup = await screen.findByTestId('insight-dup-1040');
    expect(within(dup).getByRole('link').getAttribute('href')).toBe('/tickets/1040');
    expect(dup.textContent).toContain('三楼打印机卡纸');
    expect(dup.textContent).toContain('处理中');
    expect(screen.getByTestId('insight-dup-score-1040').textContent).toBe('相似度 86%');
    expect(dup.textContent).toContain('同一报告人');
    expect(dup.textContent).toContain('内容相似');
    expect(screen.getByTestId('insight-dup-1001').textContent).toContain('同一设备');
    await act(async () => void fireEvent.click(screen.getByTestId('insight-duplicate-1040')));
    await waitFor(() => expect(screen.getByTestId('insight-linked-1040').textContent).toBe('重复于'));
    await act(async () => void fireEvent.click(screen.getByTestId('insight-relate-1001')));
    await waitFor(() => expect(screen.getByTestId('insight-linked-1001').textContent).toBe('相关'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => [c.url, c.body])).toEqual([
      [`/api/v1/tickets/${ID}/links`, { targetId: DUP, kind: 'duplicate_of' }],
      [`/api/v1/tickets/${ID}/links`, { targetId: REL, kind: 'related' }],
    ]);
    expect(onLinked).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId('insight-duplicate-1040')).toBeNull();
  });

  it('leaves the similar solved tickets to 知识推荐 (one list on the page, with how each was solved)', async () => {
    const withSolved: Insights = {
      ...insights,
      similarSolved: [{ ticketId: '0190a0a0-0000-7000-8000-0000000000t4', number: 873, title: '打印机卡纸后无法打印', status: 'resolved', score: 0.78, reasons: ['similar_text'] }],
    };
    stubFetch({ [`GET /api/v1/tickets/${ID}/insights`]: () => ({ status: 200, body: withSolved }) });
    renderUi(<Page />);
    await screen.findByTestId('insight-duplicates');
    expect(screen.getByTestId('insights-panel').textContent).not.toContain('打印机卡纸后无法打印');
    expect(screen.getByTestId('insights-panel').textContent).not.toContain('相似的已解决工单');
  });

  it('says there is no analysis for an older ticket instead of an error', async () => {
    stubFetch({ [`GET /api/v1/tickets/${ID}/insights`]: () => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'Insights not found' } } }) });
    renderUi(<Page />);
    expect((await screen.findByTestId('insights-empty')).textContent).toContain('暂无智能分析');
    expect(screen.queryByTestId('insights-error')).toBeNull();
    expect(screen.queryByTestId('insight-triage')).toBeNull();
  });

  it('asks again for the analysis of a ticket created moments ago, which the server has not stored yet', async () => {
    let analysed = false;
    const calls = stubFetch({
      [`GET /api/v1/tickets/${ID}/insights`]: () =>
        analysed ? { status: 200, body: insights } : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Analysis of this ticket not found' } } },
    });
    const fresh = { ...ticket, createdAt: new Date().toISOString() };
    renderUi(
      <MemoryRouter>
        <InsightsPanel ticket={fresh} version={0} onUpdated={() => undefined} onLinked={() => undefined} />
      </MemoryRouter>,
    );
    await screen.findByTestId('insights-empty');
    analysed = true;
    await screen.findByTestId('insight-predictions', undefined, { timeout: 5000 });
    expect(calls.filter((c) => c.url.endsWith('/insights')).length).toBe(2);
  });

  it('names a calm mood in words and leaves the triage mark off when not needed', async () => {
    const calm: Insights = { ...insights, needsTriage: false, sentiment: { label: 'neutral', score: 0, angry: false, cues: [] }, duplicates: [], extracted: [], similarSolved: [] };
    stubFetch({ [`GET /api/v1/tickets/${ID}/insights`]: () => ({ status: 200, body: calm }) });
    renderUi(<Page />);
    expect((await screen.findByTestId('insight-sentiment')).textContent).toBe('中性');
    expect(screen.queryByTestId('insight-angry')).toBeNull();
    expect(screen.queryByTestId('insight-triage')).toBeNull();
    expect(screen.getByTestId('insights-panel').textContent).toContain('未发现疑似重复的工单');
    // an empty list of similar solved tickets says nothing
    expect(screen.queryByTestId('insight-similar')).toBeNull();
    expect(screen.getByTestId('insights-panel').textContent).not.toContain('相似的已解决工单');
  });

  it('names the fields the intelligence set that still hold its value, for the side panel to mark', () => {
    // team applied and still the ticket's; category only suggested; an applied priority an agent changed since
    const analysis: Insights = { ...insights, predictions: { ...insights.predictions, priority: { ...insights.predictions.priority!, applied: true, value: 'urgent' } } };
    expect(setByIntelligence(ticket, analysis)).toEqual(['teamId']);
    expect(setByIntelligence({ ...ticket, priority: 'urgent' } as Ticket, analysis)).toEqual(['teamId', 'priority']);
    expect(setByIntelligence({ ...ticket, id: 'other' } as Ticket, analysis)).toEqual([]);
    expect(setByIntelligence(ticket, null)).toEqual([]);
  });
});
