import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { rowErrorText } from './row-error-text';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe('failed import rows in words', () => {
  it('says in Chinese what is wrong with the row, quoting the value and naming the field by its label', () => {
    const cases: [Parameters<typeof rowErrorText>[0], string][] = [
      [{ field: 'category', reason: 'not_found', value: '空调', message: 'No category named "空调"' }, '找不到分类“空调”：请先在分类管理中创建，或填写已有的分类路径（硬件/打印机）、名称或 ID'],
      [{ field: 'category', reason: 'ambiguous', value: '网络', message: 'Several categories are named "网络"' }, '有多个分类都叫“网络”，请填写完整路径（如 硬件/打印机）或 ID'],
      [{ field: 'assignee', reason: 'not_assignable', value: 'x@y.cn', message: 'x@y.cn is a customer' }, '处理人 x@y.cn 是客户，工单只能分派给员工'],
      [{ field: 'createdAt', reason: 'in_future', value: '2027-01-01T00:00:00+08:00', message: 'createdAt … is in the future' }, '创建时间 2027-01-01T00:00:00+08:00 晚于现在，请填写在旧系统中的实际时间'],
      [{ field: 'closedAt', reason: 'before_created', value: '2025-01-01T00:00:00Z', message: 'closedAt … is before createdAt' }, '关闭时间 2025-01-01T00:00:00Z 早于创建时间，请检查时间是否填错'],
      [{ field: 'requester', reason: 'required', message: "requester: required: the requester's name, email or phone" }, '缺少报单人：请至少填写报单人姓名、邮箱、手机号中的一项'],
      [{ field: 'title', reason: 'required', message: 'title: required: the ticket title' }, '缺少标题，必须填写（title 列：工单标题）'],
      [{ field: 'status', reason: 'invalid', value: '已关闭', message: 'status: Invalid option' }, '状态“已关闭”不正确（status 列：状态：new、open、pending、on_hold、resolved、closed（默认 closed））'],
      [{ field: '来源', reason: 'unknown_field', message: 'Unknown field 来源; remove it' }, '不认识的字段“来源”，请删除'],
      [{ reason: 'malformed_json', message: 'The line is not JSON: Unexpected token' }, '这一行不是有效的 JSON，请检查引号、逗号和括号'],
      [{ reason: 'extra_cells', message: 'Line 5 has 5 cells but the header names 4 columns; …' }, '这一行的单元格比列名多：内容中有英文逗号时，须用英文双引号把整个单元格括起来'],
    ];
    for (const [error, text] of cases) expect(rowErrorText(error, zh)).toBe(text);
  });

  it('says it in English in the English console', () => {
    expect(rowErrorText({ field: 'category', reason: 'not_found', value: '空调', message: 'No category named "空调"' }, en)).toBe(
      'No category “空调”: create it under Categories first, or give an existing path (硬件/打印机), name or id',
    );
    expect(rowErrorText({ field: 'assignee', reason: 'not_assignable', value: 'x@y.cn', message: '…' }, en)).toBe('Assignee x@y.cn is a customer; tickets are assigned to staff only');
    expect(rowErrorText({ field: 'createdAt', reason: 'required', message: '…' }, en)).toBe(
      'Created is missing and required (column created_at: When it was created, ISO 8601 with a time zone, e.g. 2025-06-03T09:15:00+08:00)',
    );
  });

  it('falls back to the console’s words for the reason, then to the server’s message', () => {
    // a reason with a text but no value to quote: the reason's words any form uses
    expect(rowErrorText({ field: 'customFields.color', reason: 'duplicate', message: 'customFields.color: used twice' }, zh)).toBe('已存在');
    expect(rowErrorText({ field: 'requester.id', reason: 'not_found', message: 'No such contact' }, zh)).toBe('找不到该内容，可能已被删除');
    // a reason the console has no words for, or none (jobs stored before reasons were kept): a generic
    // sentence in Chinese (the page shows the server's message under it), the server's message in English
    expect(rowErrorText({ field: 'category', message: 'No category named "空调"' }, zh)).toBe('填写的内容不正确');
    expect(rowErrorText({ field: 'title', reason: 'too_odd', message: 'title: too odd' }, zh)).toBe('填写的内容不正确');
    expect(rowErrorText({ field: 'title', reason: 'too_odd', message: 'title: too odd' }, en)).toBe('too odd');
  });
});
