import { messagingPlugin } from '../../../src/modules/intake/messaging';
import { PlatformStandIn } from '../../../src/modules/intake/messaging/stand-in/platform-stand-in';
import { startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';
import type { TestTenant } from '../../support/test-app';

// A PNG of 1×1 pixel: the image a user sends in the tests.
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export interface MessagingTest {
  t: IntakeTestApp;
  tenant: TestTenant;
  standIn: PlatformStandIn;
  /** unix seconds of the test clock */
  nowSeconds(): number;
  /** creates a channel through the admin API and returns its id */
  channel(kind: string, settings: Record<string, unknown>, secrets: Record<string, unknown>): Promise<string>;
  inbound(channel: string): Promise<any[]>;
  ticketOf(inboundId: string): Promise<any>;
  close(): Promise<void>;
}

export async function startMessagingTest(): Promise<MessagingTest> {
  const standIn = new PlatformStandIn();
  await standIn.start();
  const t = await startIntakeTestApp({ plugins: [messagingPlugin], clock: true });
  const tenant = await t.tenant();
  return {
    t,
    tenant,
    standIn,
    nowSeconds: () => Math.floor(t.clock.now().getTime() / 1000),
    async channel(kind, settings, secrets) {
      const res = await t.api(tenant.adminToken, 'POST', '/api/v1/channels', { kind, name: `${kind} 测试应用`, settings: { apiBaseUrl: standIn.baseUrl, ...settings }, secrets });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json().id;
    },
    async inbound(channel) {
      return (await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages?channel=${channel}&limit=200`)).json().items;
    },
    async ticketOf(inboundId) {
      const m = (await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${inboundId}`)).json();
      if (!m.ticketId) throw new Error(`inbound ${inboundId} has no ticket: ${JSON.stringify(m)}`);
      return (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${m.ticketId}`)).json();
    },
    async close() {
      await t.close();
      await standIn.close();
    },
  };
}
