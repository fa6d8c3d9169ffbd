import { DELIVERY_CONSUMER, startDelivery } from '../../src/modules/delivery';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';
import { startStandIn, type StandIn } from './stand-in';
import { drainUntilPassed } from '../support/outbox-settle';

export const SECRETS = {
  wecomKey: '693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa',
  dingtalk: { token: 'dt-access-token-测试', secret: 'SEC0123456789abcdef0123456789abcdef' },
  feishu: { token: 'fs-hook-0123456789', secret: 'feishu-secret-abcdefgh' },
  sms: { token: 'sms-gateway-token-xyz' },
  webhookSecret: 'whsec_仅用于测试_0123456789',
};

export interface Mail {
  to: string;
  subject: string;
  text: string;
  deliveryId: string;
}

/**
 * The app in simulated time, the stand-in platforms on 127.0.0.1, the outbox and delivery started with no
 * timers. Mail is kept in `mails`, or with `mail` sent for real through that SMTP relay (nodemailer).
 */
export async function setup(o: { maxAttempts?: number; mail?: { relayUrl: string; from: string }; timeoutMs?: number } = {}) {
  const t: TestApp = await startTestApp({ clock: true });
  const stand: StandIn = await startStandIn({ ...SECRETS, now: () => t.clock.now().getTime() });
  const outbox = new OutboxDispatcher(t.db, t.clock);
  const mails: Mail[] = [];
  const delivery = startDelivery({
    deps: t.deps,
    outbox,
    sendMs: 0,
    maxAttempts: o.maxAttempts ?? 4,
    log: { error: (obj, msg) => console.error(msg, obj) },
    ...(o.mail ? { mail: o.mail, timeoutMs: o.timeoutMs } : { sendMail: async (m: Omit<Mail, 'deliveryId'>, deliveryId: string) => void mails.push({ ...m, deliveryId }) }),
  });
  const acme: TestTenant = await t.tenant('华东客服中心');
  const admin = (await t.db.system((q) => q.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [acme.adminEmail])))[0].id;
  return {
    t,
    stand,
    outbox,
    delivery,
    mails,
    acme,
    admin,
    /** dispatch the outbox, then one round of the sender */
    async pump() {
      await drainUntilPassed(t.db, outbox, [DELIVERY_CONSUMER]);
      return delivery.sendOnce();
    },
    async close() {
      await delivery.close();
      await stand.close();
      await t.close();
    },
  };
}
