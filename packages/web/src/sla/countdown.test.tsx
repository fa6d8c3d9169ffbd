import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import { renderUi } from '../test/render';
import { countdownView, countdownWords, nextChange } from './countdown';
import { SlaCountdown } from './sla-countdown';

// The SLA countdown in simulated time: its words and colour at the boundaries, and that it moves on by itself.

const T0 = Date.parse('2026-12-04T02:00:00Z'); // 10:00 in 上海
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const t = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');
const show = (c: Parameters<typeof countdownView>[0], now: number) => {
  const v = countdownView(c, now);
  return [v.tone, countdownWords(v, t)];
};

describe('what an SLA clock shows', () => {
  const clock = { state: 'ok' as const, dueAt: at(135), warnAt: at(95) };

  it('counts down in green, rounding the minute up', () => {
    expect(show(clock, T0)).toEqual(['ok', '剩余 2小时15分']);
    expect(show(clock, T0 + 30_000)).toEqual(['ok', '剩余 2小时15分']);
    expect(show(clock, T0 + 60_000)).toEqual(['ok', '剩余 2小时14分']);
    expect(show(clock, T0 + 75 * 60_000)).toEqual(['ok', '剩余 1小时']);
  });

  it('turns amber at the warning moment, not a millisecond before', () => {
    expect(show(clock, T0 + 95 * 60_000 - 1)[0]).toBe('ok');
    expect(show(clock, T0 + 95 * 60_000)).toEqual(['warning', '剩余 40分']);
    // the list knows only the server's state
    expect(show({ state: 'warning', dueAt: at(135) }, T0)[0]).toBe('warning');
  });

  it('is red and overdue from the due moment on', () => {
    expect(show(clock, T0 + 135 * 60_000 - 1)).toEqual(['warning', '剩余 1分']);
    expect(show(clock, T0 + 135 * 60_000)).toEqual(['breached', '已超时 不到1分']);
    expect(show(clock, T0 + 170 * 60_000)).toEqual(['breached', '已超时 35分']);
    expect(show(clock, T0 + (135 + 27 * 60) * 60_000)).toEqual(['breached', '已超时 1天3小时']);
    expect(show(clock, T0 + (135 + 48 * 60) * 60_000)).toEqual(['breached', '已超时 2天']);
  });

  it('says paused in grey and achieved with a tick', () => {
    expect(show({ state: 'paused', dueAt: null }, T0)).toEqual(['paused', '暂停计时']);
    expect(show({ state: 'achieved', dueAt: at(-10) }, T0)).toEqual(['achieved', '已达成']);
    expect(show({ state: 'achieved', dueAt: at(-10), breachedAt: at(-10) }, T0)).toEqual(['achieved', '超时后达成']);
  });

  it('speaks English too', () => {
    expect(countdownWords(countdownView(clock, T0), en)).toBe('2h 15m left');
    expect(countdownWords(countdownView(clock, T0 + 170 * 60_000), en)).toBe('35m overdue');
  });

  it('knows when it next changes', () => {
    expect(nextChange(clock, T0)).toBe(60_000);
    expect(nextChange(clock, T0 + 20_000)).toBe(40_000);
    expect(nextChange(clock, T0 + 94.5 * 60_000)).toBe(30_000);
    expect(nextChange({ state: 'paused', dueAt: null }, T0)).toBeNull();
  });
});

describe('the countdown tag', () => {
  afterEach(() => vi.useRealTimers());

  it('moves on by itself each minute and turns red at the due time', () => {
    vi.useFakeTimers();
    let now = T0 + 133 * 60_000;
    const advance = (ms: number) =>
      act(() => {
        now += ms;
        vi.advanceTimersByTime(ms);
      });
    renderUi(<SlaCountdown clock={{ state: 'ok', dueAt: at(135), warnAt: at(95) }} now={() => now} />);
    const tag = () => screen.getByTestId('sla-countdown');
    expect(tag().textContent).toBe('剩余 2分');
    expect(tag().dataset.tone).toBe('warning');
    expect(tag().className).toContain('orange');
    advance(60_000);
    expect(tag().textContent).toBe('剩余 1分');
    advance(60_000);
    expect(tag().textContent).toBe('已超时 不到1分');
    expect(tag().className).toContain('red');
    advance(35 * 60_000);
    expect(tag().textContent).toBe('已超时 35分');
  });

  it('is grey while paused', () => {
    renderUi(<SlaCountdown clock={{ state: 'paused', dueAt: null }} now={() => T0} />);
    expect(screen.getByTestId('sla-countdown').dataset.tone).toBe('paused');
    expect(screen.getByTestId('sla-countdown').textContent).toBe('暂停计时');
  });
});
