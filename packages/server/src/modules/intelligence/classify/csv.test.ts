import { describe, expect, it } from 'vitest';
import { CsvError, labelledTable, parseCsv, resolveColumn } from './csv';

describe('parseCsv', () => {
  it('reads tab-separated files (a tab and no comma in the first line)', () => {
    expect(parseCsv('花呗怎么还款\t花呗如何还钱\t1\r\n借呗额度, 提额\t借呗怎么提额\t1\n')).toEqual([
      ['花呗怎么还款', '花呗如何还钱', '1'],
      ['借呗额度, 提额', '借呗怎么提额', '1'],
    ]);
    expect(parseCsv('a,b\tc\n1,2\n')).toEqual([['a', 'b\tc'], ['1', '2']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\n"x, y","他说""好"""\n"line1\nline2",z\n')).toEqual([
      ['a', 'b'],
      ['x, y', '他说"好"'],
      ['line1\nline2', 'z'],
    ]);
  });

  it('drops the BOM, accepts CRLF and a lone CR, skips empty lines, keeps empty fields', () => {
    expect(parseCsv('\uFEFF标题,类别\r\n打印机卡纸,硬件\r\n\r\n,\r"a\r\nb",\n')).toEqual([
      ['标题', '类别'],
      ['打印机卡纸', '硬件'],
      ['', ''],
      ['a\r\nb', ''],
    ]);
  });

  it('reads the last record without a final line break and refuses an unterminated quote', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(() => parseCsv('a,"b\n')).toThrow(CsvError);
  });
});

describe('columns', () => {
  const rows = parseCsv('标题,描述,类别\n打印机,卡纸了,硬件\n密码,忘记了,账号\n无标签,,\n');

  it('resolves names (exact, then loosely) and 0-based indices', () => {
    expect(resolveColumn('类别', rows[0], 3)).toBe(2);
    expect(resolveColumn(' 描述 ', rows[0], 3)).toBe(1);
    expect(resolveColumn('0', rows[0], 3)).toBe(0);
    expect(() => resolveColumn('3', rows[0], 3)).toThrow('out of range');
    expect(() => resolveColumn('优先级', rows[0], 3)).toThrow('Unknown column "优先级"');
    expect(() => resolveColumn('类别', undefined, 3)).toThrow('no header');
  });

  it('joins several text columns and skips rows without a label', () => {
    const t = labelledTable(rows, ['标题', '描述'], '类别', true);
    expect(t.texts).toEqual(['打印机\n卡纸了', '密码\n忘记了']);
    expect(t.labels).toEqual(['硬件', '账号']);
    const noHeader = labelledTable(rows.slice(1), ['0'], '2', false);
    expect(noHeader.labels).toEqual(['硬件', '账号']);
  });
});
