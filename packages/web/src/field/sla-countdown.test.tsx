import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { renderUi } from '../test/render';
import { SlaCountdown, slaSpanText } from './sla-countdown';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe('the phone’s SLA chip', () => {
  it('says minutes, hours and minutes up to two days, then days', () => {
    expect(slaSpanText(45, zh)).toBe('45 分钟');
    expect(slaSpanText(14 * 60 + 12, zh)).toBe('14 小时 12 分');
    expect(slaSpanText(47 * 60 + 59, zh)).toBe('47 小时 59 分');
    expect(slaSpanText(48 * 60, zh)).toBe('2 天');
    expect(slaSpanText(3 * 24 * 60 + 5 * 60 + 20, zh)).toBe('3 天 5 小时');
    // the tester's "已超时 1135 小时 11 分" and "728 小时"
    expect(slaSpanText(1135 * 60 + 11, zh)).toBe('47 天');
    expect(slaSpanText(728 * 60, zh)).toBe('30 天');
    expect(slaSpanText(3 * 24 * 60 + 5 * 60, en)).toBe('3 d 5 h');
    expect(slaSpanText(1135 * 60 + 11, en)).toBe('47 days');
  });

  it('shows a long overdue job in days', () => {
    renderUi(<SlaCountdown dueAt={new Date(Date.now() - (1135 * 60 + 11) * 60_000).toISOString()} />);
    expect(screen.getByTestId('sla-countdown').textContent).toBe('已超时 47 天');
  });
});
