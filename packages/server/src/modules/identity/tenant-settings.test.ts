import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { applySettingsPatch, canonicalTimeZone, effectiveSettings } from './tenant-settings';

describe('tenant settings', () => {
  it('accepts IANA time zones only, in their canonical spelling', () => {
    expect(canonicalTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('Asia/Chongqing')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    for (const bad of ['北京时间', '+08:00', 'GMT+8', 'Mars/Olympus', '', 'Asia/Shanghai; DROP']) expect(canonicalTimeZone(bad)).toBeNull();
  });

  it('fills in the defaults', () => {
    expect(effectiveSettings({})).toEqual({ timeZone: 'Asia/Shanghai', languages: ['zh-CN', 'en-US'], defaultLanguage: 'zh-CN', logoUrl: null });
  });

  it('merges a change, removes the logo with null, and keeps the default language among those offered', () => {
    const current = { timeZone: 'Asia/Shanghai', languages: ['zh-CN', 'en-US'], defaultLanguage: 'zh-CN', logoUrl: 'https://cdn.example.cn/logo.png' };
    expect(applySettingsPatch(current, { languages: ['en-US', 'zh-CN', 'en-US'], defaultLanguage: 'en-US', logoUrl: null })).toEqual({
      timeZone: 'Asia/Shanghai',
      languages: ['zh-CN', 'en-US'],
      defaultLanguage: 'en-US',
      logoUrl: undefined,
    });
    const problems = (() => {
      try {
        applySettingsPatch(current, { timeZone: '火星时间', languages: ['en-US'] });
      } catch (e) {
        return (e as AppError).details?.map((d) => d.field);
      }
    })();
    expect(problems).toEqual(['settings.timeZone', 'settings.defaultLanguage']);
  });
});
