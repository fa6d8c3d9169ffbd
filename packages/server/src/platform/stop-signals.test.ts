import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stopOnSignals, type StopSignals } from './stop-signals';

describe('stopping on SIGTERM and SIGINT', () => {
  let exits: number[];
  let lines: string[];
  let signals: StopSignals | undefined;
  const log = () => ({ info: (_: object, msg: string) => lines.push(msg), error: (_: object, msg: string) => lines.push(`ERROR ${msg}`) });
  const settle = () => vi.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'Date'] });
    exits = [];
    lines = [];
  });
  afterEach(() => {
    signals?.dispose();
    vi.useRealTimers();
  });

  it('runs one graceful stop and exits 0 when it is done', async () => {
    let release!: () => void;
    const stop = vi.fn(() => new Promise<void>((r) => (release = r)));
    signals = stopOnSignals({ stop, log, exit: (c) => exits.push(c) });
    expect(signals.requested).toBe(false);
    process.emit('SIGTERM');
    expect(signals.requested).toBe(true);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(exits).toEqual([]);
    release();
    await settle();
    expect(stop).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([0]);
    expect(lines.at(-1)).toBe('stopped');
  });

  it('takes the same signal at once again as the same request (Ctrl-C reaches npm and the server; npm forwards it)', async () => {
    const stop = vi.fn(() => new Promise<void>(() => {}));
    signals = stopOnSignals({ stop, log, exit: (c) => exits.push(c) });
    process.emit('SIGINT');
    process.emit('SIGINT');
    await settle();
    expect(stop).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([]);
  });

  it('exits at once, non-zero, on a second signal later on', async () => {
    signals = stopOnSignals({ stop: () => new Promise<void>(() => {}), log, exit: (c) => exits.push(c) });
    process.emit('SIGINT');
    await vi.advanceTimersByTimeAsync(1_500);
    process.emit('SIGINT');
    expect(exits).toEqual([130]);
    expect(lines.at(-1)).toMatch(/^ERROR SIGINT again while stopping/);
  });

  it('exits 1 with a log line when the stop hangs past the deadline, or fails', async () => {
    signals = stopOnSignals({ stop: () => new Promise<void>(() => {}), log, exit: (c) => exits.push(c), deadlineMs: 8_000 });
    process.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(7_900);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toBe('ERROR the stop did not finish within 8 s: exiting now');
    signals.dispose();

    exits = [];
    signals = stopOnSignals({ stop: () => Promise.reject(new Error('close failed')), log, exit: (c) => exits.push(c) });
    process.emit('SIGTERM');
    await settle();
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toBe('ERROR the stop failed');
  });
});
