import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IntelModel, IntelModels } from '../../api/intelligence-types';
import { LookupsProvider } from '../../common/lookups';
import { renderUi, stubFetch } from '../../test/render';
import { renderApp } from '../../test/render-app';
import { choose, typeTags } from '../../test/select';
import { IntelligenceView } from './intelligence-page';

const classes = [
  { value: 'c-net', label: '网络故障' },
  { value: 'c-print', label: '打印机' },
  { value: 'c-acct', label: '账号权限' },
  { value: 'c-unused', label: '门禁' },
];
const category: IntelModel = {
  target: 'category',
  state: 'ready',
  trainedAt: '2026-11-20T08:00:00Z',
  examples: 1840,
  heldOut: 200,
  accuracy: 0.873,
  macroF1: 0.812,
  corrections: 14,
  classes,
  // 门禁 never occurs in the held-back tickets: the matrix leaves it out
  confusion: [
    [80, 6, 2, 0],
    [11, 60, 0, 0],
    [3, 0, 38, 0],
    [0, 0, 0, 0],
  ],
};
const team: IntelModel = { target: 'team', state: 'cold', trainedAt: null, examples: 12, heldOut: 0, accuracy: null, macroF1: null, corrections: 0, classes: [], confusion: [] };
const CAT = '0190a0a0-0000-7000-8000-0000000000c1';
const TEAM = '0190a0a0-0000-7000-8000-0000000000f1';
// a stored rule with tags (set before, not shown on this page): they are kept
const storedRule = { keywords: ['断网'], categoryId: CAT, tags: ['网络'] };
const models: IntelModels = { settings: { threshold: 0.7, autoApply: true, rules: [storedRule] }, models: [team, category] };
const lookups = {
  'GET /api/v1/categories': () => ({ status: 200, body: { items: [{ id: CAT, parentId: null, nameZh: '网络故障', nameEn: 'Network', position: 0, active: true }] } }),
  'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
  'GET /api/v1/teams': () => ({ status: 200, body: { items: [{ id: TEAM, name: '桌面支持组', description: '', skills: [], memberIds: [] }] } }),
};

const input = (testId: string) => {
  const el = screen.getByTestId(testId);
  return (el.tagName === 'INPUT' ? el : el.querySelector('input')!) as HTMLInputElement;
};
const fieldError = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item')!.querySelector('.ant-form-item-explain-error')?.textContent ?? '';

describe('intelligence administration', () => {
  it('shows each model with accuracy, held-back tickets, the cold state and the confusion between classes', async () => {
    stubFetch({ 'GET /api/v1/intelligence/models': () => ({ status: 200, body: models }) });
    renderUi(<IntelligenceView canEdit />);
    const card = await screen.findByTestId('intel-model-category');
    expect(within(card).getByTestId('intel-accuracy-category').textContent).toContain('87.3%');
    expect(within(card).getByTestId('intel-f1-category').textContent).toContain('81.2%');
    expect(within(card).getByTestId('intel-heldout-category').textContent).toBe('基于 200 张留出工单');
    expect(within(card).getByTestId('intel-corrections-category').textContent).toContain('14');
    expect(card.textContent).toContain('2026');
    // the categories card comes first, as the targets are ordered, whatever the server's order
    const cards = screen.getAllByTestId(/^intel-model-/);
    expect(cards.map((c) => c.dataset.testid)).toEqual(['intel-model-category', 'intel-model-team']);
    expect(screen.getByTestId('intel-state-team').textContent).toBe('冷启动：使用关键词规则');
    expect(screen.getByTestId('intel-accuracy-team').textContent).toContain('—');
    expect(screen.queryByTestId('intel-few-heldout-category')).toBeNull();
    expect(screen.queryByTestId('intel-few-heldout-team')).toBeNull();
    // the most common mistakes first
    const pairs = within(screen.getByTestId('intel-confused-category')).getAllByRole('listitem').map((li) => li.textContent);
    expect(pairs[0]).toBe('真实 打印机 → 预测为 网络故障11');
    expect(pairs.slice(1)).toEqual(['真实 网络故障 → 预测为 打印机6', '真实 账号权限 → 预测为 网络故障3', '真实 网络故障 → 预测为 账号权限2']);
    const matrix = screen.getByTestId('intel-matrix-category');
    expect(matrix.textContent).not.toContain('门禁');
    expect(matrix.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(screen.getByTestId('intel-cell-category-1-0').textContent).toBe('11');
    expect(screen.getByTestId('intel-cell-category-1-0').style.background).toContain('rgba(245, 34, 45');
    expect(screen.getByTestId('intel-cell-category-0-0').style.background).toContain('rgba(82, 196, 26');
  });

  it('warns when a figure rests on too few held-back tickets, saying on how many', async () => {
    // the demo's size: 300 tickets, 60 held back
    const few: IntelModel = { ...category, examples: 300, heldOut: 60, accuracy: 0.85, macroF1: 0.79 };
    stubFetch({ 'GET /api/v1/intelligence/models': () => ({ status: 200, body: { ...models, models: [few, { ...category, target: 'priority' }] } }) });
    renderUi(<IntelligenceView canEdit />);
    const card = await screen.findByTestId('intel-model-category');
    expect(within(card).getByTestId('intel-heldout-category').textContent).toBe('基于 60 张留出工单');
    expect(within(card).getByTestId('intel-few-heldout-category').textContent).toBe(
      '只有 60 张留出工单：准确率和 F1 可能有 ±13 个百分点的误差，仅供参考；留出工单达到 100 张（约 500 张已分类工单）后才可信',
    );
    // 200 held-back tickets are enough; a cold model has no figures to doubt
    expect(screen.queryByTestId('intel-few-heldout-priority')).toBeNull();
    expect(screen.getByTestId('intel-heldout-priority').textContent).toBe('基于 200 张留出工单');
  });

  it('saves the threshold as a share and shows an out-of-range threshold at the field', async () => {
    let answer: { status: number; body: unknown } = { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'threshold: Too big', field: 'threshold' } } };
    const calls = stubFetch({
      'GET /api/v1/intelligence/models': () => ({ status: 200, body: models }),
      'PATCH /api/v1/intelligence/settings': () => answer,
    });
    renderUi(<IntelligenceView canEdit />);
    await screen.findByTestId('intel-settings');
    await waitFor(() => expect(input('intel-threshold').value).toBe('70.0'));
    // typed out of range: said at the field, nothing sent
    fireEvent.change(input('intel-threshold'), { target: { value: '150' } });
    await act(async () => void fireEvent.click(screen.getByTestId('intel-settings-save')));
    await waitFor(() => expect(fieldError('intel-threshold')).toBe('阈值须在 0% 到 100% 之间'));
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    // the server refuses it: its error goes to the same field
    fireEvent.change(input('intel-threshold'), { target: { value: '85' } });
    await waitFor(() => expect(fieldError('intel-threshold')).toBe(''));
    await act(async () => void fireEvent.click(screen.getByTestId('intel-settings-save')));
    await waitFor(() => expect(fieldError('intel-threshold')).toBe('阈值须在 0% 到 100% 之间'));
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ threshold: 0.85, autoApply: true }]);
    // accepted
    answer = { status: 200, body: { threshold: 0.85, autoApply: false } };
    fireEvent.click(screen.getByTestId('intel-auto-apply'));
    await act(async () => void fireEvent.click(screen.getByTestId('intel-settings-save')));
    await screen.findByText('设置已保存');
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ threshold: 0.85, autoApply: false });
    // the earlier refusal is gone from the field (its text may linger while it fades out)
    await waitFor(() => expect(screen.getByTestId('intel-threshold').closest('.ant-form-item')!.className).not.toContain('has-error'));
  });

  it('edits the cold-start keyword rules with the channels\' editor, saves them in order and shows a refused category at its rule', async () => {
    let answer: { status: number; body: unknown } = {
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'No active category has this id', field: 'rules.0.categoryId', details: [{ field: 'rules.0.categoryId', code: 'not_found', message: 'No active category has this id' }] } },
    };
    const calls = stubFetch({ ...lookups, 'GET /api/v1/intelligence/models': () => ({ status: 200, body: models }), 'PATCH /api/v1/intelligence/settings': () => answer });
    renderUi(
      <LookupsProvider>
        <IntelligenceView canEdit />
      </LookupsProvider>,
    );
    const card = await screen.findByTestId('intel-rules');
    expect(card.textContent).toContain('冷启动关键词规则');
    expect(card.textContent).toContain('模型训练前，按顺序匹配关键词设置分类、团队和优先级');
    expect(within(screen.getByTestId('intel-rules-list')).getByText('断网')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('rule-0-category').textContent).toContain('网络故障'));
    // intelligence sets no tags: the editor leaves them out
    expect(screen.queryByTestId('rule-0-tags')).toBeNull();
    fireEvent.click(screen.getByTestId('rule-add'));
    await screen.findByTestId('rule-1-keywords');
    typeTags('rule-1-keywords', ['打印机', '卡纸']);
    await choose('rule-1-team', '桌面支持组');
    await choose('rule-1-priority', '高');
    await act(async () => void fireEvent.click(screen.getByTestId('intel-rules-save')));
    // the category was deleted meanwhile: said at that rule's category
    await waitFor(() => expect(fieldError('rule-0-category')).toBe('分类不存在或已停用'));
    expect(screen.queryByTestId('intel-rules-error')).toBeNull();
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
      { rules: [storedRule, { keywords: ['打印机', '卡纸'], teamId: TEAM, priority: 'high' }] },
    ]);
    // without the stale rule: accepted
    answer = { status: 200, body: { threshold: 0.7, autoApply: true, rules: [{ keywords: ['打印机', '卡纸'], teamId: TEAM, priority: 'high' }] } };
    fireEvent.click(screen.getByTestId('rule-0-remove'));
    await waitFor(() => expect(screen.queryByTestId('rule-1-keywords')).toBeNull());
    await act(async () => void fireEvent.click(screen.getByTestId('intel-rules-save')));
    await screen.findByText('关键词规则已保存');
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ rules: [{ keywords: ['打印机', '卡纸'], teamId: TEAM, priority: 'high' }] });
    expect(screen.getByTestId('rule-0-team').textContent).toContain('桌面支持组');
    // the threshold form was not touched by it
    expect(input('intel-threshold').value).toBe('70.0');
  });

  it('retrains with a loading state and shows the new figures', async () => {
    let finish: (v: Response) => void = () => undefined;
    const retrained: IntelModels = { ...models, models: [{ ...category, accuracy: 0.91, corrections: 0, trainedAt: '2026-11-22T08:00:00Z' }, team] };
    const calls = stubFetch({ 'GET /api/v1/intelligence/models': () => ({ status: 200, body: models }) });
    const stubbed = globalThis.fetch;
    // training answers late: hold the POST until the test lets it go
    globalThis.fetch = ((url: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method !== 'POST') return stubbed(url, init);
      calls.push({ method: 'POST', url: String(url), body: JSON.parse(String(init.body)) });
      return new Promise<Response>((resolve) => (finish = resolve));
    }) as typeof fetch;
    renderUi(<IntelligenceView canEdit />);
    await screen.findByTestId('intel-model-category');
    await act(async () => void fireEvent.click(screen.getByTestId('intel-retrain')));
    await waitFor(() => expect(screen.getByTestId('intel-retrain').className).toContain('ant-btn-loading'));
    expect(screen.getByTestId('intel-training').textContent).toContain('正在训练');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/api/v1/intelligence/models/train', body: {} });
    await act(async () => finish(new Response(JSON.stringify(retrained), { status: 200, headers: { 'content-type': 'application/json' } })));
    await screen.findByText('训练完成，模型已更新');
    await waitFor(() => expect(screen.getByTestId('intel-accuracy-category').textContent).toContain('91%'));
    expect(screen.getByTestId('intel-retrain').className).not.toContain('ant-btn-loading');
    expect(screen.queryByTestId('intel-training')).toBeNull();
  });
});

describe('intelligence for supervisors', () => {
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
  });

  it('is a tab of administration, read-only: no saving, no retraining', async () => {
    const supervisor = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000c', name: '王主管', role: 'supervisor', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };
    stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: supervisor }),
      'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
      'GET /api/v1/intelligence/models': () => ({ status: 200, body: models }),
    });
    window.history.pushState({}, '', '/admin/intelligence');
    renderApp();
    await screen.findByTestId('intel-model-category');
    expect(screen.getByTestId('admin-tab-intelligence').textContent).toBe('智能分类');
    expect(screen.getByTestId('intel-read-only')).toBeTruthy();
    expect(screen.queryByTestId('intel-retrain')).toBeNull();
    expect(screen.queryByTestId('intel-settings-save')).toBeNull();
    expect(input('intel-threshold').disabled).toBe(true);
    // the keyword rules are there to read, not to change
    expect(within(screen.getByTestId('intel-rules-list')).getByText('断网')).toBeTruthy();
    expect(screen.queryByTestId('intel-rules-save')).toBeNull();
    expect(screen.queryByTestId('rule-add')).toBeNull();
    expect(screen.queryByTestId('rule-0-remove')).toBeNull();
  });
});
