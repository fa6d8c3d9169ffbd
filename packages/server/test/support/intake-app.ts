import { createServer } from 'node:net';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { startIntake, type ChannelPlugin, type RunningIntake } from '../../src/modules/intake';
import { startTestApp, type TestApp } from './test-app';

export interface IntakeTestApp extends TestApp {
  intake: RunningIntake;
  outbox: OutboxDispatcher;
  /** processes every stored inbound message that is due, then delivers the outbox (replies going out) */
  settle(): Promise<void>;
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
      for (let i = 0; i < 10; i++) {
        const n = (await intake.worker.drain()) + (await outbox.runOnce());
        if (n === 0) return;
      }
    },
    async close() {
      await intake.close();
      await outbox.stop();
      await t.close();
    },
  };
}
