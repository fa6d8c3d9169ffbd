import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { importTimes, repeatedIds } from './import-rules';
import { readImportFile } from './read-import-file';
import { resolveCategory, resolveReferences, type ReferenceTables } from './resolve-references';

const now = new Date('2026-03-02T00:00:00Z');

describe('import rules', () => {
  it('keeps the times given and fills those a resolved or closed ticket must have', () => {
    expect(importTimes({ createdAt: '2025-06-03T09:00:00+08:00', status: 'closed' }, now)).toEqual({
      created_at: new Date('2025-06-03T01:00:00Z'), updated_at: new Date('2025-06-03T01:00:00Z'),
      resolved_at: new Date('2025-06-03T01:00:00Z'), closed_at: new Date('2025-06-03T01:00:00Z'),
    });
    const t = importTimes({ createdAt: '2025-06-03T00:00:00Z', resolvedAt: '2025-06-04T00:00:00Z', closedAt: '2025-06-05T00:00:00Z', status: 'closed' }, now) as { updated_at: Date };
    expect(t.updated_at.toISOString()).toBe('2025-06-05T00:00:00.000Z');
    expect(importTimes({ createdAt: '2025-06-03T00:00:00Z', status: 'open' }, now)).toMatchObject({ resolved_at: null, closed_at: null });
  });

  it('refuses times in the future or before the creation, naming the field', () => {
    const future = importTimes({ createdAt: '2026-03-03T00:00:00Z', status: 'closed' }, now) as AppError;
    expect([future.code, future.field]).toEqual(['VALIDATION_FAILED', 'createdAt']);
    const early = importTimes({ createdAt: '2025-06-03T00:00:00Z', closedAt: '2025-06-02T00:00:00Z', status: 'closed' }, now) as AppError;
    expect(early.field).toBe('closedAt');
    expect(early.details?.[0].code).toBe('before_created');
  });

  it('marks each later item repeating an external id of an earlier one', () => {
    expect([...repeatedIds(['A', 'B', undefined, 'A', 'A'])]).toEqual([[3, 0], [4, 0]]);
  });
});

describe('references by name', () => {
  const tables: ReferenceTables = {
    categories: [
      { id: '00000000-0000-4000-8000-000000000001', parent_id: null, name_zh: '硬件', name_en: 'Hardware' },
      { id: '00000000-0000-4000-8000-000000000002', parent_id: '00000000-0000-4000-8000-000000000001', name_zh: '打印机', name_en: 'Printer' },
      { id: '00000000-0000-4000-8000-000000000003', parent_id: null, name_zh: '网络', name_en: '' },
    ],
    teams: [{ id: '00000000-0000-4000-8000-000000000010', name: '桌面支持组' }],
    users: [{ id: '00000000-0000-4000-8000-000000000020', email: 'Li@Example.cn', role: 'agent' }, { id: '00000000-0000-4000-8000-000000000021', email: 'kehu@example.cn', role: 'customer' }],
    typeIds: new Set(),
  };

  it('finds a category by path, Chinese or English name, or id', () => {
    for (const ref of ['硬件/打印机', 'hardware / printer', '打印机', 'Printer', '00000000-0000-4000-8000-000000000002']) expect(resolveCategory(ref, tables)).toBe('00000000-0000-4000-8000-000000000002');
    expect((resolveCategory('网络/打印机', tables) as AppError).message).toContain('网络/打印机');
  });

  it('finds the team by name and the assignee by email, refusing customers', () => {
    expect(resolveReferences({ team: '桌面支持组', assignee: 'li@example.cn' }, tables)).toMatchObject({ team_id: '00000000-0000-4000-8000-000000000010', assignee_id: '00000000-0000-4000-8000-000000000020' });
    expect((resolveReferences({ assignee: 'kehu@example.cn' }, tables) as AppError).details?.[0].code).toBe('not_assignable');
    expect((resolveReferences({ team: '网络组' }, tables) as AppError).code).toBe('NOT_FOUND');
  });
});

describe('import files', () => {
  it('reads CSV rows into API items: requester columns together, tags split on |, empty cells left out', () => {
    const csv = '\uFEFFexternal_id,title,requester_name,requester_email,created_at,tags,category\r\nA-1,"打印机卡纸，急",张三,zs@kehu.cn,2025-01-01T00:00:00Z,硬件|打印,\r\n';
    expect(readImportFile('旧工单.CSV', csv)).toEqual([
      { row: 1, item: { externalId: 'A-1', title: '打印机卡纸，急', requester: { name: '张三', email: 'zs@kehu.cn' }, createdAt: '2025-01-01T00:00:00Z', tags: ['硬件', '打印'] } },
    ]);
    expect(() => readImportFile('a.csv', 'external_id,title\nA,B\n')).toThrow('Missing column created_at');
  });

  it('reads JSONL line by line, a broken line failing alone', () => {
    expect(readImportFile('a.jsonl', '{"externalId":"A"}\n\nnot json\n[1]\n')).toEqual([
      { row: 1, item: { externalId: 'A' } },
      { row: 3, error: { code: 'MALFORMED_JSON', message: expect.stringContaining('not JSON') } },
      { row: 4, error: { code: 'VALIDATION_FAILED', message: expect.any(String) } },
    ]);
  });
});
