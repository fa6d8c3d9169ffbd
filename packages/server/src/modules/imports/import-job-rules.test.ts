import { describe, expect, it } from 'vitest';
import { addChunk, chunkErrors, MAX_JOB_ERRORS, nextChunk, NotUtf8, utf8Chunks, type JobError } from './import-job-rules';

const empty = { processedRows: 0, created: 0, exists: 0, failed: 0, errors: [] as JobError[] };
const err = (row: number): JobError => ({ row, externalId: `ZD-${row}`, code: 'VALIDATION_FAILED', field: 'createdAt', message: 'createdAt: 必填' });

describe('import job rules', () => {
  it('takes the next chunk after the processed rows, the last one shorter', () => {
    const rows = Array.from({ length: 1203 }, (_, i) => i + 1);
    expect(nextChunk(rows, 0)).toHaveLength(500);
    expect(nextChunk(rows, 1000)).toEqual([1001, 1002, 1003].concat(Array.from({ length: 200 }, (_, i) => 1004 + i)));
    expect(nextChunk(rows, 1203)).toEqual([]);
    expect(nextChunk(rows, 10, 3)).toEqual([11, 12, 13]);
  });

  it('reports unreadable rows and refused items in file order with their row numbers, reasons and values', () => {
    const chunk = [
      { row: 1, item: { externalId: 'A' } },
      { row: 2, error: { code: 'MALFORMED_JSON', message: 'The line is not JSON', reason: 'malformed_json' } },
      { row: 3, item: { externalId: 'B' } },
      { row: 4, item: { externalId: 'C' } },
    ];
    const summary = {
      created: 1,
      exists: 0,
      failed: 2,
      items: [
        { externalId: 'A', result: 'created' as const, id: 'x', number: 10001 },
        { externalId: 'B', result: 'failed' as const, error: { code: 'NOT_FOUND', message: '没有分类 空调', field: 'category', reason: 'not_found', value: '空调' } },
        { externalId: 'C', result: 'exists' as const, id: 'y', number: 10000 },
      ],
    };
    expect(chunkErrors(chunk, summary)).toEqual([
      { row: 2, externalId: null, code: 'MALFORMED_JSON', message: 'The line is not JSON', reason: 'malformed_json' },
      { row: 3, externalId: 'B', code: 'NOT_FOUND', field: 'category', message: '没有分类 空调', reason: 'not_found', value: '空调' },
    ]);
  });

  it('adds a chunk to the progress and keeps only the first failed rows', () => {
    const first = addChunk(empty, { rows: 500, created: 300, exists: 50, errors: Array.from({ length: 150 }, (_, i) => err(i + 1)) });
    expect(first).toMatchObject({ processedRows: 500, created: 300, exists: 50, failed: 150 });
    const second = addChunk(first, { rows: 500, created: 400, exists: 0, errors: Array.from({ length: 100 }, (_, i) => err(501 + i)) });
    expect(second).toMatchObject({ processedRows: 1000, created: 700, exists: 50, failed: 250 });
    expect(second.errors).toHaveLength(MAX_JOB_ERRORS);
    expect(second.errors.at(-1)!.row).toBe(550);
    expect(addChunk(second, { rows: 3, created: 0, exists: 0, errors: [err(1001)] }).errors).toHaveLength(MAX_JOB_ERRORS);
  });

  it('reads UTF-8 as it streams in, with or without a byte order mark, and refuses other encodings', async () => {
    const text = async (...chunks: Buffer[]) => {
      let s = '';
      for await (const c of utf8Chunks((async function* () { yield* chunks; })())) s += c;
      return s;
    };
    expect(await text(Buffer.from('\uFEFFexternal_id,title\n', 'utf8'))).toBe('external_id,title\n');
    // 标 is three bytes: a chunk may end inside it
    const bytes = Buffer.from('标题,打印机', 'utf8');
    expect(await text(bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4))).toBe('标题,打印机');
    // 标题 in GBK, as Excel saves a Chinese CSV by default
    await expect(text(Buffer.from('external_id\n'), Buffer.from([0xb1, 0xea, 0xcc, 0xe2]))).rejects.toThrow(NotUtf8);
    // a character cut off at the end of the file
    await expect(text(bytes.subarray(0, 1))).rejects.toThrow(NotUtf8);
  });
});
