import { createServer } from 'node:net';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { OUTBOUND_CONSUMER, startIntake, type ChannelPlugin, type RunningIntake } from '../../src/modules/intake';
import { startTestApp, type TestApp } from './test-app';

export interface IntakeTestApp extends TestApp {
  intake: RunningIntake;
  outbox: OutboxDispatcher;
  /** processes every stored inbound message that is due, then delivers the outbox (replies going out) */
  settle(): Promise<void>;
}

/** Whether outbox rows lie after the reply sender's cursor (written, not yet handed to it). */
async function undelivered(t: TestApp): Promise<boolean> {
  const [row] = await t.db.system((q) =>
    q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox o LEFT JOIN outbox_cursors c ON c.consumer = $1
       WHERE c.consumer IS NULL OR (o.tx, o.id) > (c.tx, c.id)`,
      [OUTBOUND_CONSUMER],
    ),
  );
  return row.n > 0;
}

/** A free TCP port on 127.0.0.1 (for the SMTP listener, the MQTT broker, stand-in servers). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The test app plus intake: the given channel plugins registered and started (their listeners on the
 * ports given in env), the worker and outbox driven by `settle()` rather than by timers.
 */
export async function startIntakeTestApp(opts: { env?: Record<string, string>; plugins: ChannelPlugin[]; clock?: boolean }): Promise<IntakeTestApp> {
  const t = await startTestApp({ env: { SMTP_PORT: '0', MQTT_PORT: '0', INTAKE_POLL_MS: '3600000', ...opts.env }, clock: opts.clock });
  const outbox = new OutboxDispatcher(t.db, t.deps.clock);
  const intake = await startIntake({ deps: t.deps, config: t.config, log: t.app.log, outbox, plugins: opts.plugins, autoRun: false });
  return {
    ...t,
    intake,
    outbox,
    async settle() {
      // the outbox hands out only rows of transactions older than every running one (cluster-wide on
      // PostgreSQL, where other test files run at the same time): a round that finds nothing is done
      // only when nothing is left after the reply sender's cursor either
      const deadline = Date.now() + 10_000;
      for (;;) {
        const n = (await intake.worker.drain()) + (await outbox.runOnce());
        if (n > 0) continue;
        if (!(await undelivered(t)) || Date.now() > deadline) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await intake.close();
      await outbox.stop();
      await t.close();
    },
  };
}

/** Awaits a request while driving the intake worker and outbox, as a running server would (the request may wait for the ticket). */
export async function whileSettling<T>(t: Pick<IntakeTestApp, 'settle'>, request: Promise<T>): Promise<T> {
  let done = false;
  void request.finally(() => (done = true));
  while (!done) {
    await t.settle();
    await new Promise((r) => setTimeout(r, 20));
  }
  return request;
}
