import { describe, expect, it } from 'vitest';
import { CsvError } from './csv';
import { checkClassifyInput, headerWarning, looksLikeFreeText, type LabelColumn } from './check-labels';

const col = (file: string, rows: string[], first = rows[0]): LabelColumn => ({ file, first: ['文本', first], firstLabel: first, labels: rows });
const repeat = (labels: string[], n: number) => Array.from({ length: n }, (_, i) => labels[i % labels.length]);

describe('eval classify input checks', () => {
  it('takes mostly distinct or long values for free text', () => {
    expect(looksLikeFreeText(repeat(['打印机', '密码', '发票'], 30)).freeText).toBe(false);
    expect(looksLikeFreeText(Array.from({ length: 30 }, (_, i) => `第${i}台打印机卡纸了`)).freeText).toBe(true);
    expect(looksLikeFreeText(['三楼东侧那台打印机卡纸了，已经重启过两次还是不行，'.repeat(3)]).freeText).toBe(true);
  });

  it('refuses a label column of free text and test labels none of which is in training', () => {
    const text = Array.from({ length: 40 }, (_, i) => `第${i}台打印机卡纸了`);
    expect(() => checkClassifyInput(col('train.csv', ['类别', ...text]), col('test.csv', ['类别', '打印机']), true, '描述')).toThrow(/look like free text/);
    expect(() => checkClassifyInput(col('train.csv', ['类别', '打印机', '密码']), col('test.csv', ['类别', '发票', '报销']), true, '类别')).toThrow(CsvError);
  });

  it('counts test items with a label training never had, except the out-of-scope label', () => {
    const r = checkClassifyInput(col('train.csv', ['类别', '打印机', '密码']), col('test.csv', ['类别', '打印机', '发票', '发票', '待分拣']), true, '类别', '待分拣');
    expect(r.unseen_label_items).toBe(2);
    expect(r.warnings[0]).toContain('2 of 3 test items');
    expect(r.suspect_header_rows).toBe(0);
  });

  it('sees a header read as an item (--no-header) and an item read as a header', () => {
    const body = repeat(['打印机', '密码', '发票'], 30);
    const noHeader = col('train.csv', ['类别', ...body]);
    expect(headerWarning(noHeader, false)).toContain('row 1 looks like a header');
    expect(headerWarning(col('train.csv', body), false)).toBeUndefined();
    expect(headerWarning(noHeader, false, col('test.csv', ['类别', '密码']))).toContain('both files start with the same row');
    expect(headerWarning(col('train.csv', body), true)).toContain('give --no-header');
    expect(headerWarning(noHeader, true)).toBeUndefined();
  });
});
