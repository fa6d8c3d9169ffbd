import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AfterFirstPaint } from './after-first-paint';

describe('AfterFirstPaint', () => {
  it('shows the fallback on the first paint and its children right after', async () => {
    render(
      <>
        <p>对话</p>
        <AfterFirstPaint fallback={<p>加载中</p>}>
          <p>侧栏</p>
        </AfterFirstPaint>
      </>,
    );
    expect(screen.getByText('对话')).toBeTruthy();
    expect(screen.getByText('加载中')).toBeTruthy();
    expect(screen.queryByText('侧栏')).toBeNull();
    await screen.findByText('侧栏');
    expect(screen.queryByText('加载中')).toBeNull();
  });

  it('waits for what must come first', async () => {
    const ui = (when: boolean) => (
      <AfterFirstPaint when={when} fallback={<p>加载中</p>}>
        <p>侧栏</p>
      </AfterFirstPaint>
    );
    const { rerender } = render(ui(false));
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByText('侧栏')).toBeNull();
    rerender(ui(true));
    await screen.findByText('侧栏');
  });
});
