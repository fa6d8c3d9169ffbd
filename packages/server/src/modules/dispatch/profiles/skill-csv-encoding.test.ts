import { describe, expect, it } from 'vitest';
import { decodeSkillCsv, scanUtf8 } from './skill-csv-encoding';

// As Excel zh-CN saves "CSV (逗号分隔)": GBK, CRLF, Chinese headers, skills and a certification
const GBK_FILE = Buffer.from(
  'd3cacfe42cbcbcc4dc2cb5c8bcb62cd6a4cae92cb5bdc6dac8d50d0a6c6940782e636e2cb5e7ccddceacd0de2c342cccd8d6d6c9e8b1b8d7f7d2b5c8cbd4b1d6a42c323032372f31322f33310d0a6c6940782e636e2cbfd5b5f7b0b2d7b02c332c2c0d0a6c6940782e636e2ccffbb7c0bcecb2e22c322c2c0d0a',
  'hex',
);
const GBK_ZHANG = Buffer.from('d5c5', 'hex'); // 张
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const UTF8_FILE = '邮箱,技能,等级\nli@x.cn,电梯维修,4\nli@x.cn,空调安装,3\nli@x.cn,消防检测,2\n';

describe('the encoding of a skill-matrix CSV', () => {
  it('reads UTF-8 (with or without a BOM) and a pure GBK file as Excel zh-CN saves it', () => {
    expect(decodeSkillCsv(utf8(UTF8_FILE))).toEqual({ text: UTF8_FILE });
    expect(decodeSkillCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(UTF8_FILE)]))).toEqual({ text: UTF8_FILE });
    const gbk = decodeSkillCsv(GBK_FILE);
    expect(gbk).toEqual({ text: expect.stringContaining('li@x.cn,电梯维修,4,特种设备作业人员证,2027/12/31') });
  });

  it('refuses a UTF-8 file with one stray GBK character, naming its line, rather than reading it all as GBK', () => {
    const lines = UTF8_FILE.split('\n');
    const mixed = Buffer.concat([utf8(lines.slice(0, 3).join('\n') + '\nli@x.cn,'), GBK_ZHANG, utf8(',2\n')]);
    expect(decodeSkillCsv(mixed)).toEqual({ badLine: 4, utf8: true });
    // with a BOM, one bad byte pair is enough to say it is UTF-8, whatever else is in the file
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('email,skill,level\na@x.cn,'), GBK_ZHANG, utf8(',1\n')]);
    expect(decodeSkillCsv(bom)).toEqual({ badLine: 2, utf8: true });
  });

  it('counts well-formed multi-byte sequences and bad bytes like a strict decoder', () => {
    expect(scanUtf8(utf8('电梯a'))).toEqual({ multi: 2, bad: 0, firstBad: null });
    expect(scanUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toMatchObject({ bad: 2, firstBad: 1 }); // overlong
    expect(scanUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toMatchObject({ multi: 0, firstBad: 0 }); // a surrogate
    expect(scanUtf8(GBK_FILE).bad).toBeGreaterThan(4 * scanUtf8(GBK_FILE).multi);
  });
});
