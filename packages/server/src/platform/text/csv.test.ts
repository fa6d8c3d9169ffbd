import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, readCsv, type CsvRecord } from './csv';

/** The text in chunks of `size` characters, as a file streams in. */
async function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function records(text: string, size = text.length || 1): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of readCsv(chunks(text, size))) out.push(r);
  return out;
}

describe('CSV (RFC 4180)', () => {
  it('reads embedded quotes, separators and line breaks in quoted fields', () => {
    expect(parseCsv('"a ""b"" c","x,y","1\n2","3\r\n4",""\n')).toEqual([['a "b" c', 'x,y', '1\n2', '3\r\n4', '']]);
  });

  it('takes a quote inside an unquoted field as it stands', () => {
    expect(parseCsv('尺寸,名称\n5",显示器 "大"\n')).toEqual([
      ['尺寸', '名称'],
      ['5"', '显示器 "大"'],
    ]);
  });

  it('does not start a record at a trailing line break, nor at empty lines; keeps rows of any width', () => {
    expect(parseCsv('a,b,c\n1\n\n\n2,3,4,5\n\n')).toEqual([['a', 'b', 'c'], ['1'], ['2', '3', '4', '5']]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });

  it('refuses a quote never closed, naming the record it opens in', () => {
    const err = (() => {
      try {
        parseCsv('a,b\n1,2\n3,"4\n5,6\n');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CsvError);
    expect(err).toMatchObject({ reason: 'broken_quote' });
    expect((err as Error).message).toMatch(/record after line 2: a field opened with " is never closed/);
  });
});

describe('readCsv', () => {
  const text = '\uFEFF标题,描述\r\n打印机,"卡纸了\r\n取不出来"\r\n\r\n"密码",忘记了\r\n网络,"断""了""\n又好了"';

  it('reads records as the text streams in, whatever the chunks, with the line each starts on', async () => {
    const expected = [
      { cells: ['标题', '描述'], line: 1 },
      { cells: ['打印机', '卡纸了\r\n取不出来'], line: 2 },
      { cells: ['密码', '忘记了'], line: 5 },
      { cells: ['网络', '断"了"\n又好了'], line: 6 },
    ];
    for (const size of [1, 2, 5, 1000]) expect(await records(text, size)).toEqual(expected);
    expect((await records(text)).map((r) => r.cells)).toEqual(parseCsv(text));
  });

  it('chooses tabs by the first line, even when it arrives in pieces', async () => {
    expect(await records('问题\t相似问题\t标签\n花呗, 借呗\t怎么还\t1\n', 2)).toEqual([
      { cells: ['问题', '相似问题', '标签'], line: 1 },
      { cells: ['花呗, 借呗', '怎么还', '1'], line: 2 },
    ]);
    expect(await records('')).toEqual([]);
    expect(await records('a,b')).toEqual([{ cells: ['a', 'b'], line: 1 }]);
  });

  it('refuses a quote never closed, naming the record it opens in', async () => {
    const read = async () => {
      for await (const r of readCsv(chunks('a,b\n1,2\n3,"4\n5,6\n', 3))) void r;
    };
    await expect(read()).rejects.toThrow(CsvError);
    await expect(read()).rejects.toThrow(/record after line 2/);
  });

  it('passes on the error of the text it reads', async () => {
    async function* failing() {
      yield 'a,b\n1,2\n';
      throw new Error('disk gone');
    }
    const read = async () => {
      for await (const r of readCsv(failing())) void r;
    };
    await expect(read()).rejects.toThrow('disk gone');
  });
});
