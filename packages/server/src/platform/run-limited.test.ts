import { describe, expect, it } from 'vitest';
import { runLimited } from './run-limited';

describe('runLimited', () => {
  it('runs every task, never more than the limit at once, starting them in order', async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    const work = Array.from({ length: 20 }, (_, i) => async () => {
      started.push(i);
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, i % 3));
      inFlight--;
    });
    await runLimited(work, 4);
    expect(started).toEqual([...Array(20).keys()]);
    expect(most).toBe(4);
  });

  it('rejects with a failure and runs nothing when there is nothing to run', async () => {
    await expect(runLimited([async () => undefined, async () => Promise.reject(new Error('工单更新失败'))], 2)).rejects.toThrow('工单更新失败');
    await expect(runLimited([], 8)).resolves.toBeUndefined();
  });
});
