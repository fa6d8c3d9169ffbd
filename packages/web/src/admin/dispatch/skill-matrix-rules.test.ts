import { describe, expect, it } from 'vitest';
import { bulkTargets, cellKey, certState, setLevel, shownLevel, skillColumns, toChanges, worstCert } from './skill-matrix-rules';

describe('skill matrix rules', () => {
  it('marks certifications expired after their day and "soon" within 30 days', () => {
    expect(certState('2026-03-01', '2026-03-02')).toBe('expired');
    expect(certState('2026-03-02', '2026-03-02')).toBe('soon');
    expect(certState('2026-04-01', '2026-03-02')).toBe('soon');
    expect(certState('2026-04-02', '2026-03-02')).toBe('valid');
    expect(certState(null, '2026-03-02')).toBe('valid');
    expect(worstCert({ certifications: [{ name: '电工证', expires: '2027-01-01' }, { name: '特种设备作业证', expires: '2026-03-10' }] }, '2026-03-02')).toBe('soon');
  });

  it('lists every skill once, sorted, with the ones added in this session', () => {
    expect(skillColumns([{ skills: { 空调: 2, 电梯维修: 4 } }, { skills: { 电梯维修: 3 } }], ['网络'], 'zh-CN')).toEqual(['电梯维修', '空调', '网络']);
  });

  it('keeps edits per cell, drops one set back to the saved level, and turns them into one PATCH body', () => {
    const saved = (u: string, s: string) => (u === 'u1' && s === '空调' ? 2 : null);
    let p = setLevel(new Map(), [cellKey('u1', '空调'), cellKey('u2', '空调')], 4, saved);
    p = setLevel(p, bulkTargets([], ['u3'], ' 网络 '), 1, saved);
    expect(toChanges(p)).toEqual([
      { userId: 'u1', skill: '空调', level: 4 },
      { userId: 'u2', skill: '空调', level: 4 },
      { userId: 'u3', skill: '网络', level: 1 },
    ]);
    p = setLevel(p, [cellKey('u1', '空调')], 2, saved);
    p = setLevel(p, [cellKey('u2', '空调')], null, saved);
    expect(toChanges(p)).toEqual([{ userId: 'u3', skill: '网络', level: 1 }]);
    expect(shownLevel({ userId: 'u1', skills: { 空调: 2 } }, '空调', setLevel(p, [cellKey('u1', '空调')], null, saved))).toBeNull();
  });
});
