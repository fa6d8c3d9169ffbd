import { describe, expect, it } from 'vitest';
import { runTraining } from './run-training';
import type { Example } from './split';

// The server stopping gives up a training in its worker thread instead of waiting for it.
describe('training in a worker thread', () => {
  const examples: Example[] = Array.from({ length: 3000 }, (_, i) => ({
    text: ['打印机卡纸无法打印', '空调不制冷温度很高', '网络断开无法上网', '电脑蓝屏反复重启'][i % 4] + ` 第${i}号工位`,
    label: ['打印机', '空调', '网络', '电脑'][i % 4],
    at: 1_700_000_000_000 + i * 60_000,
  }));

  it('ends the thread and rejects with the reason when the signal aborts', async () => {
    const stopping = new AbortController();
    const reason = new Error('the process is stopping');
    const training = runTraining({ category: examples, team: examples, priority: examples }, stopping.signal);
    setTimeout(() => stopping.abort(reason), 200);
    const started = Date.now();
    await expect(training).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('does not start when the signal has already aborted', async () => {
    const stopping = new AbortController();
    stopping.abort(new Error('stopped'));
    await expect(runTraining({ category: examples }, stopping.signal)).rejects.toThrow('stopped');
  });
});
