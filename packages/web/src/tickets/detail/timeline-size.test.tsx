import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../api/types';
import { renderUi } from '../../test/render';
import { Timeline, TIMELINE_FOOTER, timelineBoxHeight } from './timeline';

// The timeline's box is as tall as its entries up to the room there is, and 跳到最新 never covers an entry.

const event = (i: number) =>
  ({ id: `0190a0a0-0000-7000-8000-00000000000${i}`, kind: 'ticket.created', actor: { type: 'user', id: null, name: '王芳' }, channel: 'web', internal: false, data: {}, createdAt: '2026-12-04T08:00:00Z' }) as unknown as TicketEvent;

describe('the timeline box', () => {
  it('is as tall as its entries, up to the most it may take', () => {
    expect(timelineBoxHeight(180, 700)).toBe(180 + TIMELINE_FOOTER);
    expect(timelineBoxHeight(5000, 700)).toBe(700);
  });

  it('leaves no empty space under a short ticket and offers no 跳到最新 when everything is in view', () => {
    renderUi(<Timeline events={[event(1), event(2)]} hasMore={false} loading={false} error={null} onLoadMore={() => undefined} attachments={new Map()} height={700} />);
    const box = screen.getByTestId('timeline');
    expect(parseFloat(box.style.height)).toBeLessThan(700);
    expect(screen.queryByTestId('jump-latest')).toBeNull();
  });

  it('offers 跳到最新 under the box, not over it, while older pages are still to load', () => {
    renderUi(<Timeline events={[event(1), event(2)]} hasMore loading={false} error={null} onLoadMore={() => undefined} attachments={new Map()} height={700} />);
    const jump = screen.getByTestId('jump-latest');
    expect(screen.getByTestId('timeline').contains(jump)).toBe(false);
    expect(getComputedStyle(jump).position).not.toBe('absolute');
  });
});
