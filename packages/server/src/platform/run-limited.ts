/** Runs the tasks with at most `limit` in flight, in the order given; rejects with the first failure. */
export async function runLimited(work: (() => Promise<unknown>)[], limit: number): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, work.length) }, async () => {
    while (next < work.length) await work[next++]();
  });
  await Promise.all(runners);
}
