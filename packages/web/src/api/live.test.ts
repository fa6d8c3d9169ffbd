import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, LiveSocket, liveUrl, type LiveMessage } from './live';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  constructor(public url: string) {
    FakeSocket.all.push(this);
  }
  send(s: string) {
    this.sent.push(s);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
}

describe('live socket', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  it('uses the same origin, ws or wss', () => {
    expect(liveUrl({ protocol: 'http:', host: 'localhost:3000' })).toBe('ws://localhost:3000/api/v1/live');
    expect(liveUrl({ protocol: 'https:', host: 'gd.example.cn' })).toBe('wss://gd.example.cn/api/v1/live');
  });

  it('backs off exponentially up to a cap', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n, 1000, 30_000, mid))).toEqual([1000, 2000, 4000, 8000, 30_000]);
  });

  it('reconnects after failures, resets the backoff once connected, and delivers messages', () => {
    const live = new LiveSocket({ url: 'ws://x/api/v1/live', baseDelayMs: 100, maxDelayMs: 1000, pingMs: 1000, createSocket: (u) => new FakeSocket(u) as unknown as WebSocket });
    const got: LiveMessage[] = [];
    live.subscribe((m) => got.push(m));
    live.start();
    expect(FakeSocket.all).toHaveLength(1);
    FakeSocket.all[0].close(); // the server has no socket yet
    expect(live.state).toBe('closed');
    vi.advanceTimersByTime(130);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1].close();
    vi.advanceTimersByTime(130);
    expect(FakeSocket.all).toHaveLength(2); // second wait is about 200 ms
    vi.advanceTimersByTime(150);
    expect(FakeSocket.all).toHaveLength(3);
    const s = FakeSocket.all[2];
    s.open();
    expect(live.state).toBe('open');
    s.onmessage?.({ data: JSON.stringify({ type: 'ticket.event', ticketId: 't1', ticketNumber: 10001, event: { kind: 'ticket.created' } }) });
    s.onmessage?.({ data: 'not json' });
    expect(got).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(s.sent).toEqual([JSON.stringify({ type: 'ping' })]);
    s.close();
    vi.advanceTimersByTime(130); // back to the first delay after a successful connection
    expect(FakeSocket.all).toHaveLength(4);
    live.stop();
    vi.advanceTimersByTime(5000);
    expect(FakeSocket.all).toHaveLength(4);
  });
});
