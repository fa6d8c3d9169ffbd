import type { Config } from '../../../platform/config';
import type { ChannelListener, ChannelPlugin } from '../channel-plugin';
import { emailAdapter } from './email-adapter';
import { emailSender } from './email-sender';
import { startImapPoller } from './imap-poller';
import { startSmtpListener } from './smtp-listener';

/** The running email channel: the SMTP listener's port (null when SMTP_PORT=0) and the IMAP poller. */
export interface EmailListener extends ChannelListener {
  smtpPort: number | null;
  /** polls every IMAP mailbox now (tests, the admin's "check now"); resolves with how many mails were stored */
  pollImap(): Promise<number>;
}

/**
 * The email channel family: mail received by the built-in SMTP listener or polled from IMAP mailboxes
 * becomes tickets and comments; agents' replies go out through the SMTP relay, threaded.
 */
export function createEmailPlugin(o: { /** how long a recipient's mailbox route is remembered by the SMTP listener */ routeCacheMs?: number } = {}): ChannelPlugin {
  let config: Config | null = null;
  const current = () => {
    if (!config) throw new Error('the email channel is not started');
    return config;
  };
  const sender = emailSender(current);
  return {
    name: 'email',
    register(registry) {
      registry.addAdapter(emailAdapter({ mailFrom: () => config?.MAIL_FROM ?? '' }));
      registry.addSender(sender);
    },
    async start(rt): Promise<EmailListener> {
      config = rt.config;
      const smtp = rt.config.SMTP_PORT === 0 ? null : await startSmtpListener(rt, { routeCacheMs: o.routeCacheMs ?? 5_000 });
      const imap = startImapPoller(rt);
      return {
        smtpPort: smtp?.port ?? null,
        address: smtp ? { smtp: smtp.port } : {},
        pollImap: () => imap.pollAll(),
        async close() {
          await Promise.all([smtp?.close(), imap.close()]);
          sender.close();
        },
      };
    },
  };
}

export const emailPlugin = createEmailPlugin();
