import { act, screen } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusTag } from '../tickets/ticket-tags';
import { renderUi } from '../test/render';
import { formatDuration, formatNumber } from './format';
import { i18n, LANGUAGE_KEY, setLanguage, storedLanguage } from './index';

describe('language switch', () => {
  afterEach(() => act(() => setLanguage('zh-CN')));

  it('is Chinese by default and remembers English across reloads', () => {
    expect(storedLanguage()).toBe('zh-CN');
    renderUi(<StatusTag status="pending" />);
    expect(screen.getByTestId('status-tag').textContent).toBe('待客户反馈');
    act(() => setLanguage('en'));
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    expect(storedLanguage()).toBe('en');
    expect(i18n.language).toBe('en');
    expect(dayjs.locale()).toBe('en');
    expect(screen.getByTestId('status-tag').textContent).toBe('Pending customer');
  });

  it('switches dayjs to zh-cn with Chinese', () => {
    act(() => setLanguage('zh-CN'));
    expect(dayjs.locale()).toBe('zh-cn');
    expect(dayjs('2026-11-22').format('MMMM')).toBe('十一月');
  });

  it('formats numbers and durations for the language', () => {
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
    expect(formatDuration(2 * 3600_000, 'zh-CN')).toBe('2小时');
    expect(formatDuration(3 * 86400_000, 'en')).toBe('3 days');
    expect(formatDuration(5 * 60_000, 'en')).toBe('5 min');
  });
});
