import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { importTimes, itemError, itemInvalid, repeatedIds } from './import-rules';
import { readImportFile } from './read-import-file';
import { resolveCategory, resolveReferences, type ReferenceTables } from './resolve-references';
import { ImportTicketItem } from './schemas';

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
    expect(itemError(future)).toMatchObject({ reason: 'in_future', value: '2026-03-03T00:00:00Z' });
    const early = importTimes({ createdAt: '2025-06-03T00:00:00Z', closedAt: '2025-06-02T00:00:00Z', status: 'closed' }, now) as AppError;
    expect(itemError(early)).toEqual({ code: 'VALIDATION_FAILED', field: 'closedAt', reason: 'before_created', value: '2025-06-02T00:00:00Z', message: early.message });
  });

  it('tells a refused item which field is missing, unknown or invalid, quoting a short value as given', () => {
    const raw = { externalId: 'A-1', title: '打印机卡纸', status: '已关闭', createdAt: '2025-06-03T00:00:00Z', 来源: '旧系统' };
    const refused = (item: Record<string, unknown>) => itemInvalid(ImportTicketItem.safeParse(item).error!, item).details!.map((d) => [d.field, d.code, d.value]);
    expect(refused(raw)).toEqual([
      ['requester', 'required', undefined],
      ['status', 'invalid', '已关闭'],
      ['来源', 'unknown_field', undefined],
    ]);
    const { 来源: _, ...known } = raw;
    expect(refused({ ...known, status: 'open', requester: { name: '张三' }, createdAt: '2025/06/03', title: 'x'.repeat(501) })).toEqual([
      ['title', 'invalid', undefined],
      ['createdAt', 'invalid', '2025/06/03'],
    ]);
    expect(itemError(itemInvalid(ImportTicketItem.safeParse(raw).error!, raw))).toMatchObject({ field: 'requester', reason: 'required' });
    expect(itemError(new AppError('INTERNAL', 'boom'))).toEqual({ code: 'INTERNAL', message: 'boom' });
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
    expect(itemError(resolveCategory('网络/打印机', tables) as AppError)).toMatchObject({ code: 'NOT_FOUND', field: 'category', reason: 'not_found', value: '网络/打印机' });
    expect(itemError(resolveCategory('空调', tables) as AppError)).toMatchObject({ reason: 'not_found', value: '空调' });
  });

  it('calls a name several categories have ambiguous, quoting it', () => {
    const twice: ReferenceTables = { ...tables, categories: [...tables.categories, { id: '00000000-0000-4000-8000-000000000004', parent_id: '00000000-0000-4000-8000-000000000003', name_zh: '打印机', name_en: '' }] };
    expect(itemError(resolveCategory('打印机', twice) as AppError)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'category', reason: 'ambiguous', value: '打印机' });
  });

  it('finds the team by name and the assignee by email, refusing customers', () => {
    expect(resolveReferences({ team: '桌面支持组', assignee: 'li@example.cn' }, tables)).toMatchObject({ team_id: '00000000-0000-4000-8000-000000000010', assignee_id: '00000000-0000-4000-8000-000000000020' });
    expect(itemError(resolveReferences({ assignee: 'kehu@example.cn' }, tables) as AppError)).toMatchObject({ reason: 'not_assignable', value: 'kehu@example.cn' });
    expect(itemError(resolveReferences({ team: '网络组' }, tables) as AppError)).toMatchObject({ code: 'NOT_FOUND', reason: 'not_found', value: '网络组' });
    expect(itemError(resolveReferences({ assignee: 'nobody@example.cn' }, tables) as AppError)).toMatchObject({ field: 'assignee', reason: 'not_found', value: 'nobody@example.cn' });
  });
});

describe('import files', () => {
  it('reads CSV rows into API items: requester columns together, tags split on |, empty cells left out', async () => {
    const csv = '\uFEFFexternal_id,title,requester_name,requester_email,created_at,tags,category\r\nA-1,"打印机卡纸，急",张三,zs@kehu.cn,2025-01-01T00:00:00Z,硬件|打印,\r\n';
    expect(await readImportFile('旧工单.CSV', csv)).toEqual([
      { row: 1, item: { externalId: 'A-1', title: '打印机卡纸，急', requester: { name: '张三', email: 'zs@kehu.cn' }, createdAt: '2025-01-01T00:00:00Z', tags: ['硬件', '打印'] } },
    ]);
    await expect(readImportFile('a.csv', 'external_id,title\nA,B\n')).rejects.toThrow('Missing column created_at');
    await expect(readImportFile('a.csv', '\uFEFF\r\n')).rejects.toMatchObject({ reason: 'empty' });
    await expect(readImportFile('a.xlsx', 'PK')).rejects.toMatchObject({ reason: 'wrong_type' });
  });

  it('reads a CSV as it streams in: a record, a quote or a line break may be split between chunks', async () => {
    const csv = 'external_id,title,description,created_at\r\nA-1,"他说""急""",\"第一行\r\n第二行",2025-01-01T00:00:00Z\r\nA-2,密码,,2025-01-02T00:00:00Z\r\n';
    const whole = await readImportFile('a.csv', csv);
    expect(whole).toEqual([
      { row: 1, item: { externalId: 'A-1', title: '他说"急"', description: '第一行\r\n第二行', createdAt: '2025-01-01T00:00:00Z' } },
      { row: 2, item: { externalId: 'A-2', title: '密码', createdAt: '2025-01-02T00:00:00Z' } },
    ]);
    for (const size of [1, 2, 3, 7]) {
      const chunks = async function* () {
        for (let i = 0; i < csv.length; i += size) yield csv.slice(i, i + size);
      };
      expect(await readImportFile('a.csv', chunks())).toEqual(whole);
    }
  });

  it('fails a CSV row with values past the header alone, naming its line; short rows and empty extra cells are read', async () => {
    const csv = [
      'external_id,title,created_at,category',
      'A-1,打印机,2025-01-01T00:00:00Z', // no category cell
      '"A-2","多行',
      '标题",2025-01-01T00:00:00Z,,,', // empty cells past the header
      'A-3,打印机,卡纸,2025-01-01T00:00:00Z,硬件', // a comma in an unquoted title
      '',
      'A-4,网络,2025-01-01T00:00:00Z,网络',
    ].join('\r\n');
    expect(await readImportFile('a.csv', csv)).toEqual([
      { row: 1, item: { externalId: 'A-1', title: '打印机', createdAt: '2025-01-01T00:00:00Z' } },
      { row: 2, item: { externalId: 'A-2', title: '多行\r\n标题', createdAt: '2025-01-01T00:00:00Z' } },
      { row: 3, error: { code: 'VALIDATION_FAILED', reason: 'extra_cells', message: 'Line 5 has 5 cells but the header names 4 columns; a value holding a comma must be in double quotes ("a, b")' } },
      { row: 4, item: { externalId: 'A-4', title: '网络', createdAt: '2025-01-01T00:00:00Z', category: '网络' } },
    ]);
  });

  it('refuses a CSV whose quote is never closed as a whole, naming where the record starts', async () => {
    const err = await readImportFile('a.csv', 'external_id,title,created_at\nA-1,a,2025\nA-2,"打印机卡纸,2025\nA-3,b,2025\n').catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'broken_quote' });
    expect((err as Error).message).toContain('in the record after line 2');
  });

  it('reads JSONL line by line, a broken line failing alone', async () => {
    expect(await readImportFile('a.jsonl', '\uFEFF{"externalId":"A"}\r\n\nnot json\n[1]\n')).toEqual([
      { row: 1, item: { externalId: 'A' } },
      { row: 3, error: { code: 'MALFORMED_JSON', message: expect.stringContaining('not JSON'), reason: 'malformed_json' } },
      { row: 4, error: { code: 'VALIDATION_FAILED', message: expect.any(String), reason: 'not_an_object' } },
    ]);
    const chunks = async function* () {
      yield '{"externalId":"A"}\r';
      yield '\n{"externalId"';
      yield ':"B"}';
    };
    expect(await readImportFile('a.ndjson', chunks())).toEqual([
      { row: 1, item: { externalId: 'A' } },
      { row: 2, item: { externalId: 'B' } },
    ]);
  });
});
