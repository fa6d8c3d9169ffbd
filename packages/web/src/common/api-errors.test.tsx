import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { api, ApiError } from '../api/client';
import { i18n } from '../i18n';
import SaveViewModalHost from './api-errors.fixture';
import { renderUi, stubFetch } from '../test/render';
import { FIELD_ISSUE_CODES } from '../../../server/src/platform/errors';
import { setLanguage } from '../i18n';
import { errorMessage, explainedErrorMessage, issueMessage, mapErrorToFields } from './api-errors';

const t = i18n.t.bind(i18n);

describe('API errors → form fields', () => {
  it('reads the error body of a failed request', async () => {
    stubFetch({
      'POST /api/v1/tickets': () => ({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', message: 'title: must not be empty', field: 'title', details: [{ field: 'title', code: 'too_small', message: 'title: must not be empty' }] } },
      }),
    });
    const err = await api.post('/tickets', { title: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('VALIDATION_FAILED');
    expect((err as ApiError).field).toBe('title');
    expect((err as ApiError).status).toBe(400);
  });

  it('puts each issue under its field, in plain Chinese', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', 'requester.phone: must be a phone number', 'requester.phone', [
      { field: 'requester.phone', code: 'invalid_format', message: 'requester.phone: must be a phone number' },
      { field: 'title', code: 'too_small', message: 'title: must not be empty' },
    ]);
    const { fields, general } = mapErrorToFields(err, t, ['title', 'requester.phone']);
    expect(fields).toEqual([
      { name: ['requester', 'phone'], errors: ['格式不正确'] },
      { name: ['title'], errors: ['不能为空或太短'] },
    ]);
    expect(general).toBeNull();
  });

  it('maps coded errors on a field (e.g. a not found assignee) and keeps the rest general', () => {
    const err = new ApiError(404, 'NOT_FOUND', 'User not found', 'assigneeId');
    expect(mapErrorToFields(err, t, ['assigneeId']).fields).toEqual([{ name: ['assigneeId'], errors: ['找不到该内容，可能已被删除'] }]);
    const other = mapErrorToFields(new ApiError(409, 'CONFLICT', 'x', 'somethingElse'), t, ['title']);
    expect(other.fields).toEqual([]);
    expect(other.general).toBe('与已有数据冲突');
  });

  it('never shows the server’s English message as the sentence: a code without words gets a generic one', () => {
    expect(errorMessage(new ApiError(400, 'INVALID_TEXT', 'body: holds a NUL character'), t)).toBe('内容中有无法保存的字符（如空字符或残缺的编码），请删除后重试');
    const unknown = errorMessage(new ApiError(502, 'HTTP_502', 'Bad Gateway'), t);
    expect(unknown).toBe('操作失败（错误代码 HTTP_502）');
  });

  it('says every field issue in Chinese, by its code and field, never with the server’s English message', () => {
    for (const code of FIELD_ISSUE_CODES) {
      const words = issueMessage({ field: 'x', code, message: `x: English words for ${code}` }, t);
      expect([code, /[\u4e00-\u9fa5]/.test(words), /[A-Za-z]{3,}/.test(words.replace(/CSV|JSONL|UTF/g, ''))]).toEqual([code, true, false]);
    }
    const err = new ApiError(409, 'CONFLICT', 'support@example.com is already the address of channel 客服邮箱', 'address', [
      { field: 'address', code: 'address_taken', message: 'support@example.com is already the address of channel 客服邮箱' },
    ]);
    expect(mapErrorToFields(err, t, ['address']).fields).toEqual([{ name: ['address'], errors: ['该地址已被其他渠道使用'] }]);
    // the field chooses the words where the console has words for it
    expect(issueMessage({ field: 'resolution', code: 'required_to_resolve', message: 'resolution is required to resolve the ticket' }, t)).toBe('解决前必须填写解决说明');
    expect(issueMessage({ field: 'customFields.serial', code: 'required_to_resolve', message: 'x' }, t)).toBe('解决前必须填写');
  });

  it('falls back to a generic Chinese sentence for a code without words (the English message only in English)', () => {
    const issue = { field: 'title', code: 'brand_new_code', message: 'title: something new went wrong' };
    expect(issueMessage(issue, t)).toBe('填写的内容不正确');
    act(() => setLanguage('en'));
    try {
      expect(issueMessage(issue, t)).toBe('something new went wrong');
      expect(issueMessage({ field: 'timeZone', code: 'invalid_time_zone', message: '"Mars/Base" is not an IANA time zone' }, t)).toBe('Not a time zone');
    } finally {
      act(() => setLanguage('zh-CN'));
    }
  });

  it('says what an issue no field of the form shows is about, not only 填写的内容有误 (a policy with every weight at 0)', () => {
    const message = 'A scored policy needs at least one weight above 0: with all of them 0 every candidate scores the same';
    const err = new ApiError(400, 'VALIDATION_FAILED', message, 'weights', [{ field: 'weights', code: 'invalid', message }]);
    // the policy form's fields are the single weights (weights.travel …), not `weights`
    const known = ['mode', 'weights.travel', 'weights.load'];
    expect(mapErrorToFields(err, i18n.getFixedT('zh-CN'), known)).toEqual({ fields: [], general: '填写的内容有误：至少要有一项权重大于 0（全为 0 时每个人得分都一样）' });
    expect(mapErrorToFields(err, i18n.getFixedT('en'), known).general).toBe('Some input is not valid: At least one weight must be above 0 (with all of them 0 everyone scores the same)');
    // an issue the console has no words of its own for: the server's explanation in English
    const other = new ApiError(400, 'VALIDATION_FAILED', 'x', 'target', [{ field: 'target', code: 'invalid', message: 'target: outlets need a policy with travel' }]);
    expect(mapErrorToFields(other, i18n.getFixedT('en'), known).general).toBe('Some input is not valid: outlets need a policy with travel');
    // in Chinese, words that say nothing more than the error's own sentence are not added
    expect(mapErrorToFields(other, i18n.getFixedT('zh-CN'), known).general).toBe('填写的内容有误');
  });

  it('explains a refused save that has no form (the skill matrix: a skill name over 64 characters), each issue once', () => {
    const long = (i: number) => ({ field: `changes.${i}.skill`, code: 'too_big', message: `changes.${i}.skill: a skill name has at most 64 characters` });
    const err = new ApiError(400, 'VALIDATION_FAILED', 'changes.0.skill: a skill name has at most 64 characters', 'changes.0.skill', [long(0), long(1)]);
    expect(explainedErrorMessage(err, i18n.getFixedT('zh-CN'))).toBe('填写的内容有误：技能名称最多 64 个字符');
    expect(explainedErrorMessage(err, i18n.getFixedT('en'))).toBe('Some input is not valid: A skill name has at most 64 characters');
    expect(explainedErrorMessage(new ApiError(409, 'CONFLICT', 'x'), i18n.getFixedT('zh-CN'))).toBe('与已有数据冲突');
  });

  it('turns a network failure into plain words', async () => {
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const err = await api.get('/tickets').catch((e: unknown) => e);
    expect(mapErrorToFields(err, t, []).general).toBe('网络连接失败，请检查网络后重试');
  });

  it('shows the server’s field error next to the field in a form', async () => {
    stubFetch({
      'POST /api/v1/views': () => ({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'name: Too big', field: 'name', details: [{ field: 'name', code: 'too_big', message: 'name: Too big' }] } } }),
    });
    renderUi(<SaveViewModalHost />);
    fireEvent.change(await screen.findByTestId('save-view-name'), { target: { value: '我的紧急工单' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-view-ok'));
    });
    await waitFor(() => expect(screen.getByText('内容太长')).toBeTruthy());
    // the message sits in the form item of the name field
    expect(screen.getByText('内容太长').closest('.ant-form-item')?.querySelector('[data-testid="save-view-name"]')).toBeTruthy();
  });
});
