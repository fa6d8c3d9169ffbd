import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { i18n } from '../../i18n';
import { failureText, fileErrorText } from './skill-import';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');
const fileIssue = (code: string, value?: string) => new ApiError(400, 'VALIDATION_FAILED', 'English server words', 'file', [{ field: 'file', code, message: 'English server words', value }]);

// A file the import cannot read as a whole says what to do about it, not only "填写的内容有误".
describe('skill matrix import: what is wrong with the file', () => {
  it('words each whole-file problem in Chinese, naming the columns at fault', () => {
    expect(fileErrorText(fileIssue('not_utf8'), zh)).toBe('文件不是文本格式的 CSV：请在 Excel 中“另存为 CSV”后再上传');
    expect(fileErrorText(fileIssue('unknown_columns', 'mail、技能'), zh)).toBe('第一行有不认识的列名（mail、技能）：应为 邮箱,技能,等级（可加 证书,到期日）');
    expect(fileErrorText(fileIssue('missing_columns', 'level'), zh)).toBe('缺少列：level（第一行应为 邮箱,技能,等级）');
    expect(fileErrorText(fileIssue('no_rows'), zh)).toContain('没有可导入的数据行');
    expect(fileErrorText(fileIssue('too_many', '10000'), zh)).toBe('一次最多导入 10000 行，请分成几个文件');
    expect(fileErrorText(new ApiError(413, 'ATTACHMENT_TOO_LARGE', 'The file is too large', 'file'), zh)).toBe('文件超过 2 MB，请分成几个文件');
    expect(fileErrorText(fileIssue('CSV_QUOTE_NOT_CLOSED'), zh)).toBe('文件无法按 CSV 读取，请检查后再上传');
    expect(fileErrorText(fileIssue('missing_columns', 'level'), en)).toBe('Missing columns: level (the first line should be email,skill,level)');
  });

  it("words an unreadable file's reason with its line", () => {
    expect(fileErrorText(fileIssue('broken_quote', '6'), zh)).toBe('文件第 6 行起有一个引号（"）没有闭合，之后的内容都无法读取：请检查这一行，字段内的引号要写成两个（""）');
    expect(fileErrorText(fileIssue('broken_quote', '6'), en)).toContain('opened on line 6 is never closed');
    expect(fileErrorText(fileIssue('unreadable', '3'), zh)).toBe('文件第 3 行无法按 CSV 读取，请检查这一行后再上传');
    expect(fileErrorText(fileIssue('unreadable'), zh)).toBe('文件无法按 CSV 读取，请检查后再上传');
  });

  it('names the line of bytes that are not UTF-8, and a column named twice', () => {
    expect(fileErrorText(fileIssue('not_utf8', '7'), zh)).toBe('第 7 行含有非 UTF-8 字符（可能是从其他编码的文件粘贴来的）：请重新输入这一行，或把整份文件另存为 UTF-8 或 GBK 编码的 CSV 后再上传');
    expect(fileErrorText(fileIssue('not_utf8', '7'), en)).toBe('Line 7 holds characters that are not UTF-8 (perhaps pasted from a file in another encoding): retype that line, or save the whole file as CSV in UTF-8 or GBK and upload it again');
    expect(fileErrorText(fileIssue('duplicate', 'email、邮箱'), zh)).toBe('第一行把同一列写了两次（email、邮箱）：请只保留一个（邮箱与 email、技能与 skill 等是同一列）');
    expect(fileErrorText(fileIssue('duplicate', 'email、邮箱'), en)).toContain('names a column twice (email、邮箱)');
  });

  it('leaves other errors to the console-wide words', () => {
    expect(fileErrorText(new ApiError(403, 'FORBIDDEN', 'no'), zh)).toBe(zh('errors.FORBIDDEN'));
  });
});

// Each failed row in the interface language, from the server's issue code and the value at fault.
describe('skill matrix import: a failed row', () => {
  const row = (issue: string, more: { value?: string; skill?: string; code?: string } = {}) => ({ row: 5, code: more.code ?? 'VALIDATION_FAILED', issue, message: 'English server words', ...more }) as Parameters<typeof failureText>[0];
  it('says what is wrong with the row, in Chinese and English', () => {
    expect(failureText(row('level_invalid', { value: '9', skill: '网络' }), zh)).toBe('技能“网络”的等级“9”不正确：等级为 1 到 5 的整数');
    expect(failureText(row('level_invalid', { value: '9', skill: '网络' }), en)).toBe('Level “9” of 网络 is not valid: levels are whole numbers from 1 to 5');
    expect(failureText(row('unknown_email', { value: 'a@b.cn', code: 'NOT_FOUND' }), zh)).toBe('找不到邮箱为 a@b.cn 的在职员工：请检查邮箱');
    expect(failureText(row('expires_invalid', { value: '2027-13-01' }), zh)).toBe('到期日“2027-13-01”不是有效日期：请写作 2027-05-01、2027/5/1 或 2027年5月1日');
    for (const issue of ['email_empty', 'skill_invalid', 'certification_too_long', 'expires_without_certification', 'nothing_to_import']) expect(failureText(row(issue, { value: 'x' }), zh)).toMatch(/[\u4e00-\u9fa5]/);
  });
  it('words a row with more fields than the header, and a person past 100 skills, not only 这一行的内容有误', () => {
    expect(failureText(row('too_many_fields', { value: '6' }), zh)).toBe('这一行的列数（6）多于表头：请删去多余的内容，含逗号的值要用英文双引号（"…"）括起来');
    expect(failureText(row('too_many_fields', { value: '6' }), en)).toBe('The row has more fields (6) than the header has columns: remove the extra ones, and put a value containing a comma in double quotes ("…")');
    expect(failureText(row('too_many_skills', { value: 'wang@example.cn', skill: '电梯维修' }), zh)).toBe('再加技能“电梯维修”，wang@example.cn 就超过每人 100 项技能的上限：请先在技能矩阵中删去不再需要的技能');
    expect(failureText(row('too_many_skills', { value: 'wang@example.cn', skill: '电梯维修' }), en)).toBe('Adding 电梯维修 would take wang@example.cn past the limit of 100 skills a person: remove skills they no longer need in the skill matrix first');
  });
  it('falls back to the general words for an issue it does not know', () => {
    expect(failureText(row('something_new'), zh)).toBe('这一行的内容有误');
  });
});
