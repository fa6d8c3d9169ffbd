import type { ChannelAdapter, ChannelSender, IntakeChannel } from './intake-types';

/**
 * The adapters and senders of this process, registered at start by the channel plugins. A new
 * ticket's routing rules are applied by the code that opens it (`deliverMessage`, the IoT alarms);
 * the intelligence stage is the tickets module's (`Deps.enrichTicket`), for every new ticket.
 */
export class IntakeRegistry {
  private readonly adapters = new Map<IntakeChannel, ChannelAdapter>();
  private readonly senders = new Map<IntakeChannel, ChannelSender>();

  addAdapter(a: ChannelAdapter): this {
    if (this.adapters.has(a.channel)) throw new Error(`an intake adapter for ${a.channel} is already registered`);
    this.adapters.set(a.channel, a);
    return this;
  }
  addSender(s: ChannelSender): this {
    if (this.senders.has(s.channel)) throw new Error(`a sender for ${s.channel} is already registered`);
    this.senders.set(s.channel, s);
    return this;
  }
  adapter(channel: IntakeChannel): ChannelAdapter | undefined {
    return this.adapters.get(channel);
  }
  sender(channel: IntakeChannel): ChannelSender | undefined {
    return this.senders.get(channel);
  }
}
