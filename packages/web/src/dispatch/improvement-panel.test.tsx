import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import { renderUi, stubFetch } from '../test/render';
import { LI, WANG, ZHANG } from './dispatch-fixtures';
import type { ImprovementMove, Improvements } from './dispatch-types';
import { ImprovementPanel, moveGains, skipText } from './improvement-panel';

const move = (n: number, over: Partial<ImprovementMove>): ImprovementMove => ({
  ticketId: `0190a0a0-0000-7000-8000-0000000im0${n}`,
  ticketNumber: 2050 + n,
  title: `工单 ${n}`,
  from: { id: ZHANG, name: '张伟' },
  to: { id: WANG, name: '王磊' },
  insertBefore: null,
  travelSavedMinutes: 10,
  kmSaved: 4,
  lateBefore: 0,
  lateAfter: 0,
  reason: 'travel',
  ...over,
});

const MOVES = [
  move(1, { title: '3 号楼电梯困人', kmSaved: 6.24, travelSavedMinutes: 14.6, lateBefore: 25, lateAfter: 5, insertBefore: 2 }),
  move(2, { title: '空调不制冷', from: { id: LI, name: '李强' }, kmSaved: 3.1, travelSavedMinutes: 8.2 }),
  move(3, { title: '门禁故障', kmSaved: 1.5, travelSavedMinutes: 4 }),
];
const PROPOSALS: Improvements = { computedAt: '2026-12-07T02:00:00Z', moves: MOVES };

function setup(proposals: Improvements, apply: (body: unknown) => { status: number; body?: unknown } = () => ({ status: 200, body: { applied: [], skipped: [] } })) {
  const calls = stubFetch({
    'GET /api/v1/dispatch/improvements': () => ({ status: 200, body: proposals }),
    'POST /api/v1/dispatch/improvements/apply': apply,
  });
  const onClose = vi.fn();
  renderUi(<ImprovementPanel onClose={onClose} />);
  return { calls, onClose };
}

describe('the 日内优化 panel', () => {
  it('shows each proposed move with what it saves, all picked', async () => {
    setup(PROPOSALS);
    const rows = await screen.findAllByTestId('improve-move');
    expect(screen.getByTestId('improve-summary').textContent).toBe('共 3 项建议，合计省 10.8 公里 / 27 分钟');
    expect(rows.map((r) => within(r).getByTestId('improve-move-title').textContent)).toEqual(['#2051 3 号楼电梯困人：张伟 → 王磊', '#2052 空调不制冷：李强 → 王磊', '#2053 门禁故障：张伟 → 王磊']);
    // the lateness only when the move makes it less
    expect(within(rows[0]).getByTestId('improve-move-gains').textContent).toBe('省 6.2 公里 / 15 分钟，超出时限 25 → 5 分钟，排在 王磊 未开工的第 2 单前');
    expect(within(rows[1]).getByTestId('improve-move-gains').textContent).toBe('省 3.1 公里 / 8 分钟');
    expect(screen.getAllByRole('checkbox').map((c) => (c as HTMLInputElement).checked)).toEqual([true, true, true]);
  });

  it('applies the picked moves only, then says what went through and why the others did not', async () => {
    const { calls } = setup(PROPOSALS, () => ({
      status: 200,
      body: {
        applied: [{ ticketId: MOVES[0].ticketId, to: WANG }],
        skipped: [
          { ticketId: MOVES[2].ticketId, code: 'STARTED', message: 'engineer on the way' },
          { ticketId: 'unknown', code: 'PINNED', message: 'pinned' },
        ],
      },
    }));
    await screen.findAllByTestId('improve-move');
    fireEvent.click(screen.getAllByRole('checkbox')[1]);
    fireEvent.click(screen.getByTestId('improve-apply'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        moves: [
          { ticketId: MOVES[0].ticketId, from: ZHANG, to: WANG },
          { ticketId: MOVES[2].ticketId, from: ZHANG, to: WANG },
        ],
      }),
    );
    expect((await screen.findByTestId('improve-applied')).textContent).toContain('已应用 1 项');
    expect(screen.getAllByTestId('improve-skipped').map((s) => s.textContent)).toEqual(['#2053 门禁故障：工程师已出发', '人工指定或已预约，不自动调整']);
  });

  it('applies nothing with no move picked', async () => {
    const { calls } = setup({ ...PROPOSALS, moves: [MOVES[0]] });
    fireEvent.click(await screen.findByRole('checkbox'));
    expect((screen.getByTestId('improve-apply') as HTMLButtonElement).disabled).toBe(true);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('says so when there is nothing to optimise, and closes', async () => {
    const { onClose } = setup({ computedAt: '2026-12-07T02:00:00Z', moves: [] });
    expect((await screen.findByTestId('improve-empty')).textContent).toContain('当前没有可优化的派单');
    expect(screen.queryByTestId('improve-apply')).toBeNull();
    fireEvent.click(screen.getByTestId('improve-close'));
    expect(onClose).toHaveBeenCalled();
  });

  it('shows the error of a refused request in words', async () => {
    stubFetch({ 'GET /api/v1/dispatch/improvements': () => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'dispatchers only' } } }) });
    renderUi(<ImprovementPanel onClose={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toBe(i18n.getFixedT('zh-CN')('errors.FORBIDDEN'));
  });

  it('words every skip code in both languages', () => {
    const zh = i18n.getFixedT('zh-CN');
    const en = i18n.getFixedT('en');
    expect(['MOVED', 'STARTED', 'NOT_ALLOWED', 'PINNED'].map((c) => skipText(c, zh))).toEqual(['已被改派或已开始', '工程师已出发', '接收人现在不能接这单，或改派后两人会更晚完成', '人工指定或已预约，不自动调整']);
    expect(skipText('STARTED', en)).toBe('the engineer has set off');
    expect(skipText('LOCKED', zh)).toBe('未能应用（LOCKED）');
    expect(moveGains(MOVES[1], en)).toBe('saves 3.1 km / 8 min');
  });
});
