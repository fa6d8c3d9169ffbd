import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../../test/render';
import SkillMatrixPage from './skill-matrix-page';

// 技能矩阵: select cells and people, set a level for all at once, save in one PATCH; certifications
// expiring within 30 days amber, expired red.

const person = (userId: string, name: string, skills: Record<string, number>, certifications: { name: string; expires: string | null }[] = []) => ({
  userId, name, email: `${userId}@example.cn`, role: 'engineer', teamIds: [], configured: true, skills, certifications, regions: [], area: null,
  languages: ['zh'], productLines: [], shift: null, capacity: {}, home: null, outletId: null, status: 'available', statusAt: null,
});
const GAO = '0190a0a0-0000-7000-8000-000000000001';
const LIN = '0190a0a0-0000-7000-8000-000000000002';
const HE = '0190a0a0-0000-7000-8000-000000000003';

function start(patch: () => { status: number; body?: unknown } = () => ({ status: 200, body: { updated: 3 } })) {
  const items = [
    person(GAO, '高峰', { 电梯维修: 5 }, [{ name: '特种设备作业证', expires: '2026-03-20' }, { name: '电工证', expires: '2027-06-01' }]),
    person(LIN, '林涛', { 电梯维修: 3, 空调: 2 }, [{ name: '特种设备作业证', expires: '2026-02-01' }]),
    person(HE, '何勇', { 网络: 4 }),
  ];
  const calls = stubFetch({
    'GET /api/v1/dispatch/profiles': () => ({ status: 200, body: { items } }),
    'PATCH /api/v1/dispatch/skill-matrix': patch,
    'GET /api/v1/dispatch/outlets': () => ({ status: 200, body: { items: [] } }),
  });
  renderUi(<SkillMatrixPage today="2026-03-02" />);
  return calls;
}

describe('skill matrix', () => {
  it('shows people × skills with levels and highlights expiring and expired certifications', async () => {
    start();
    expect((await screen.findByTestId('cell-高峰-电梯维修')).textContent).toBe('5');
    expect(screen.getByTestId('cell-何勇-电梯维修').dataset.level).toBe('');
    expect(screen.getByTestId('cert-高峰-特种设备作业证').dataset.state).toBe('soon');
    expect(screen.getByTestId('cert-高峰-特种设备作业证').className).toContain('warning');
    expect(screen.getByTestId('cert-高峰-电工证').dataset.state).toBe('valid');
    expect(screen.getByTestId('cert-林涛-特种设备作业证').dataset.state).toBe('expired');
    expect(screen.getByTestId('cert-林涛-特种设备作业证').className).toContain('error');
  });

  it('sets a level on several cells and people at once and saves every edit in one PATCH', async () => {
    const calls = start();
    fireEvent.click(await screen.findByTestId('cell-高峰-空调'));
    fireEvent.click(screen.getByTestId('cell-林涛-空调'));
    expect(screen.getByTestId('matrix-selected').textContent).toContain('2');
    fireEvent.click(screen.getByTestId('matrix-set-4'));
    expect(screen.getByTestId('cell-高峰-空调').textContent).toBe('4');
    expect(screen.getByTestId('cell-林涛-空调').textContent).toBe('4');

    // tick 何勇's row and give him a new skill
    const row = screen.getByTestId('matrix-row-何勇');
    fireEvent.click(row.querySelector('input[type="checkbox"]')!);
    fireEvent.change(screen.getByTestId('matrix-bulk-skill').querySelector('input')!, { target: { value: '电梯维修' } });
    fireEvent.click(screen.getByTestId('matrix-set-2'));
    expect(screen.getByTestId('cell-何勇-电梯维修').textContent).toBe('2');

    // and clear one of 林涛's
    fireEvent.click(screen.getByTestId('cell-林涛-电梯维修'));
    fireEvent.click(screen.getByTestId('matrix-set-none'));
    expect(screen.getByTestId('matrix-save').textContent).toContain('4');
    fireEvent.click(screen.getByTestId('matrix-save'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect((patch.body as { changes: unknown[] }).changes).toEqual(
      expect.arrayContaining([
        { userId: GAO, skill: '空调', level: 4 },
        { userId: LIN, skill: '空调', level: 4 },
        { userId: HE, skill: '电梯维修', level: 2 },
        { userId: LIN, skill: '电梯维修', level: null },
      ]),
    );
    expect((patch.body as { changes: unknown[] }).changes).toHaveLength(4);
  });

  it('filters by skill', async () => {
    start();
    await screen.findByTestId('cell-高峰-网络');
    fireEvent.mouseDown(screen.getByTestId('matrix-skill-filter').querySelector('.ant-select-selector, .ant-select-content, input')!);
    fireEvent.click(await screen.findByTitle('空调'));
    await waitFor(() => expect(screen.queryByTestId('cell-高峰-网络')).toBeNull());
    expect(screen.getByTestId('cell-高峰-空调')).toBeTruthy();
  });

  it("opens a person's 派单档案 from their row", async () => {
    start();
    fireEvent.click(await screen.findByRole('button', { name: '编辑林涛的派单档案' }));
    expect(await screen.findByText('林涛的派单档案')).toBeTruthy();
    expect((screen.getByTestId('profile-cert-name-0') as HTMLInputElement).value).toBe('特种设备作业证');
  });

  it('says the limit of a new skill name up front, and why the server refused a save', async () => {
    const message = 'changes.0.skill: a skill name has at most 64 characters';
    start(() => ({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message, field: 'changes.0.skill', details: [{ field: 'changes.0.skill', code: 'too_big', message }] } } }));
    const input = (await screen.findByTestId('matrix-bulk-skill')).querySelector('input')!;
    expect(input.maxLength).toBe(64);
    fireEvent.change(input, { target: { value: '变频器维修' } });
    expect(screen.getByTestId('matrix-bulk-skill-count').textContent).toBe('5/64');
    // a longer name (pasted past the limit) is not taken
    fireEvent.click(screen.getByTestId('matrix-row-何勇').querySelector('input[type="checkbox"]')!);
    fireEvent.change(input, { target: { value: '长'.repeat(120) } });
    fireEvent.click(screen.getByTestId('matrix-set-2'));
    expect(await screen.findByText('技能名称最多 64 个字符')).toBeTruthy();
    expect(screen.queryByTestId('cell-何勇-' + '长'.repeat(120))).toBeNull();

    // the server's refusal says what is wrong, not only 填写的内容有误
    fireEvent.change(input, { target: { value: '变频器维修' } });
    fireEvent.click(screen.getByTestId('matrix-set-2'));
    fireEvent.click(screen.getByTestId('matrix-save'));
    await waitFor(() => expect(screen.getByTestId('matrix-error').textContent).toBe('填写的内容有误：技能名称最多 64 个字符'));
  });
});
