import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSmtpListener } from '../../../src/modules/intake/email/smtp-listener';
import type { ChannelRuntime } from '../../../src/modules/intake/channel-plugin';
import { startTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

// An operator reads the start log to know where customers' mail goes (issue 14: it named only the MQTT broker).
it('says in the start log where the SMTP listener for customer mail listens', async () => {
  const lines: { obj: Record<string, unknown>; msg: string }[] = [];
  const log = { info: (obj: Record<string, unknown>, msg: string) => lines.push({ obj, msg }), error: () => undefined, warn: () => undefined } as unknown as FastifyBaseLogger;
  const rt = { deps: t.deps, config: { ...t.config, SMTP_PORT: 0, SMTP_HOST: '127.0.0.1' }, log } as unknown as ChannelRuntime;
  const smtp = await startSmtpListener(rt, { routeCacheMs: 0 });
  try {
    expect(lines).toContainEqual({ obj: { port: smtp.port, host: '127.0.0.1' }, msg: 'SMTP listener for customer mail listening' });
    expect(smtp.port).toBeGreaterThan(0);
  } finally {
    await smtp.close();
  }
});
