import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { i18n } from '../../i18n';
import { fileErrorText } from './skill-import';

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

  it('leaves other errors to the console-wide words', () => {
    expect(fileErrorText(new ApiError(403, 'FORBIDDEN', 'no'), zh)).toBe(zh('errors.FORBIDDEN'));
  });
});
