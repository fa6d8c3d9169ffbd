import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi, stubFetch } from '../../test/render';
import { choose, optionLabels, typeTags } from '../../test/select';
import type { Rule } from './automation-types';
import { RuleEditor } from './rule-editor';

// The rule editor in Chinese: a condition row's operators follow its field, the rule it saves is the
// contract's rule JSON, and the server's errors land under the row and field at fault.

function start(post: (body: unknown) => { status: number; body?: unknown }, editing: Rule | { new: 'trigger' | 'time' } = { new: 'trigger' }) {
  const calls = stubFetch({
    'GET /api/v1/custom-fields': () => ({ status: 200, body: { items: [{ id: 'f1', ticketTypeId: null, key: 'model', kind: 'text', labelZh: '设备型号', labelEn: 'Model', required: false, options: [], position: 1 }] } }),
    'POST /api/v1/automation/rules': post,
    'PATCH /api/v1/automation/rules/r1': post,
  });
  const onSaved = vi.fn();
  renderUi(<RuleEditor editing={editing} onClose={() => undefined} onSaved={onSaved} />);
  return { calls, onSaved };
}
const input = (testId: string) => {
  const el = screen.getByTestId(testId);
  return (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el : el.querySelector('input, textarea')!) as HTMLInputElement;
};
const save = async () => {
  await act(async () => {
    fireEvent.click(screen.getByTestId('rule-save'));
  });
};

describe('rule editor', () => {
  it('offers the operators of the field chosen and saves 标题包含 打印机 → 添加标签 打印机 as the contract JSON', async () => {
    const { calls, onSaved } = start((body) => ({ status: 201, body: { id: 'r1', position: 7, builtin: null, ...(body as object) } }));
    await screen.findByText('新建触发器');
    fireEvent.change(input('rule-name'), { target: { value: '打印机工单加标签' } });

    fireEvent.click(screen.getByTestId('add-condition-all'));
    await screen.findByTestId('cond-all-0-op');
    await waitFor(() => expect(optionLabels('cond-all-0-op')).toEqual(['是', '不是', '是以下任一', '不是以下任何一个', '发生了变化', '变为', '不再是']));
    await choose('cond-all-0-field', '标题');
    await waitFor(() => expect(screen.getByTestId('cond-all-0-op').textContent).toContain('包含'));
    await waitFor(() => expect(optionLabels('cond-all-0-op')).toEqual(['包含', '不包含']));
    fireEvent.change(input('cond-all-0-value'), { target: { value: '打印机' } });

    fireEvent.click(screen.getByTestId('add-action'));
    await screen.findByTestId('action-0-tags');
    typeTags('action-0-tags', ['打印机']);
    await waitFor(() => expect(screen.getByTestId('action-0-tags').textContent).toContain('打印机'));

    await save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      name: '打印机工单加标签',
      kind: 'trigger',
      events: ['ticket.created'],
      conditions: { all: [{ field: 'title', op: 'contains', value: '打印机' }] },
      actions: [{ type: 'add_tags', tags: ['打印机'] }],
      active: false,
    });
  });

  it('shows hours for a time rule and no "changed" operators', async () => {
    start(() => ({ status: 201 }), { new: 'time' });
    await screen.findByText('新建定时规则');
    fireEvent.click(screen.getByTestId('add-condition-all'));
    await screen.findByTestId('cond-all-0-op');
    await waitFor(() => expect(optionLabels('cond-all-0-op')).toEqual(['是', '不是', '是以下任一', '不是以下任何一个']));
    await choose('cond-all-0-field', '待客户反馈已持续（小时）');
    await waitFor(() => expect(screen.getByTestId('cond-all-0-op').textContent).toContain('大于等于'));
    expect(screen.getByTestId('cond-all-0').textContent).toContain('小时');
    // custom fields by their Chinese label
    fireEvent.click(screen.getByTestId('add-condition-any'));
    await screen.findByTestId('cond-any-0-field');
    await waitFor(() => expect(optionLabels('cond-any-0-field')).toContain('自定义字段：设备型号'));
  });

  it('puts the server error under the row and field at fault', async () => {
    const stored: Rule = {
      id: 'r1', name: 'SLA 超时升级主管', description: '', kind: 'trigger', position: 1, builtin: 'escalate_breach', active: true, events: ['sla.breached'],
      conditions: { all: [{ field: 'priority', op: 'in', value: ['high'] }, { field: 'status', op: 'is', value: 'open' }] },
      actions: [{ type: 'escalate', level: 2, priority: 'raise', roles: ['team_supervisors'] }],
      createdAt: '2026-12-01T08:00:00Z',
      updatedAt: '2026-12-01T08:00:00Z',
    };
    start(() => ({ status: 400, body: { error: { code: 'AUTOMATION_CONDITION_INVALID', message: '"is" needs one value', field: 'conditions.all.1.value', details: [{ field: 'conditions.all.1.value', code: 'invalid', message: '"is" needs one value' }] } } }), stored);
    await screen.findByText('编辑规则');
    await waitFor(() => expect(screen.getByTestId('cond-all-1-value').textContent).toContain('处理中'));
    expect(input('action-0-raise').checked).toBe(true);
    await save();
    await waitFor(() => expect(within(screen.getByTestId('cond-all-1')).getByText('取值不正确')).toBeTruthy());
    expect(within(screen.getByTestId('cond-all-0')).queryByText('取值不正确')).toBeNull();
  });
});
