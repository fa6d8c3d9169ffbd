import { describe, expect, it } from 'vitest';
import { activeBranches, buildTree, depthOf, heightOf, MAX_CATEGORY_DEPTH, placementProblem, siblingNameTaken, sortCategories, type TreeNode } from './category-rules';

const node = (id: string, parent_id: string | null, name_zh = id, position = 0, active = true): TreeNode => ({ id, parent_id, name_zh, position, active });
// 硬件 > 打印机 > 卡纸, 硬件 > 电脑, 软件
const tree = [node('hw', null, '硬件', 1), node('printer', 'hw', '打印机'), node('jam', 'printer', '卡纸'), node('pc', 'hw', '电脑'), node('sw', null, '软件', 2)];
const chain = (n: number) => Array.from({ length: n }, (_, i) => node(`c${i + 1}`, i ? `c${i}` : null));

describe('category rules', () => {
  it('measures depth and height', () => {
    const m = new Map(tree.map((n) => [n.id, n]));
    expect(depthOf(m, 'hw')).toBe(1);
    expect(depthOf(m, 'jam')).toBe(3);
    expect(heightOf(tree, 'hw')).toBe(3);
    expect(heightOf(tree, 'jam')).toBe(1);
    expect(heightOf(tree, 'sw')).toBe(1);
  });

  it('refuses cycles', () => {
    expect(placementProblem(tree, 'hw', 'jam')?.code).toBe('cycle');
    expect(placementProblem(tree, 'hw', 'hw')?.code).toBe('cycle');
    expect(placementProblem(tree, 'printer', 'printer')?.code).toBe('cycle');
    expect(placementProblem(tree, 'pc', 'printer')).toBeNull();
    expect(placementProblem(tree, 'sw', 'jam')).toBeNull();
    expect(placementProblem(tree, 'jam', null)).toBeNull();
  });

  it('limits the tree to five levels, counting the moved branch', () => {
    expect(MAX_CATEGORY_DEPTH).toBe(5);
    const five = chain(5);
    expect(placementProblem(five, null, 'c4')).toBeNull();
    expect(placementProblem(five, null, 'c5')).toMatchObject({ code: 'too_deep', message: expect.stringContaining('5') });
    const all = [...five, ...tree];
    expect(placementProblem(all, 'printer', 'c3')).toBeNull(); // printer + jam: levels 4 and 5
    expect(placementProblem(all, 'printer', 'c4')?.code).toBe('too_deep');
    expect(placementProblem(all, 'hw', 'c2')).toBeNull(); // 3 levels under level 2
    expect(placementProblem(all, 'hw', 'c3')?.code).toBe('too_deep');
  });

  it('survives a broken (cyclic) tree without looping', () => {
    const broken = [node('a', 'b'), node('b', 'a')];
    expect(depthOf(new Map(broken.map((n) => [n.id, n])), 'a')).toBeGreaterThan(0);
    expect(heightOf(broken, 'a')).toBe(2);
    expect(placementProblem(broken, 'a', 'b')?.code).toBe('cycle');
    expect(activeBranches(broken)).toHaveLength(2);
  });

  it('sorts by position, then Chinese name', () => {
    const rows = [node('x', null, '网络'), node('y', null, '打印机'), node('z', null, '卡纸'), node('w', null, '安装', 1)];
    expect(sortCategories(rows).map((r) => r.name_zh)).toEqual(['打印机', '卡纸', '网络', '安装']);
  });

  it('nests a flat list, dropping orphans', () => {
    const nested = buildTree([...tree, node('orphan', 'missing')], (r) => ({ id: r.id }));
    expect(nested).toEqual([
      {
        id: 'hw',
        children: [
          { id: 'printer', children: [{ id: 'jam', children: [] }] },
          { id: 'pc', children: [] },
        ],
      },
      { id: 'sw', children: [] },
    ]);
  });

  it('keeps only active branches for customers', () => {
    const rows = tree.map((n) => (n.id === 'printer' ? { ...n, active: false } : n));
    expect(activeBranches(rows).map((r) => r.id)).toEqual(['hw', 'pc', 'sw']);
  });

  it('spots a sibling with the same name', () => {
    expect(siblingNameTaken(tree, 'hw', '电脑')).toBe(true);
    expect(siblingNameTaken(tree, 'hw', ' 电脑 ')).toBe(true);
    expect(siblingNameTaken(tree, 'hw', '电脑', 'pc')).toBe(false);
    expect(siblingNameTaken(tree, null, '电脑')).toBe(false);
  });
});
