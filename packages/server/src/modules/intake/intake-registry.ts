import type { Deps } from '../../platform/deps';
import type { CreateTicketInput } from '../tickets';
import type { ChannelAdapter, ChannelConfig, ChannelSender, InboundRow, IntakeChannel, NormalizedMessage } from './intake-types';

/**
 * A stage of the pipeline a new ticket passes before it is written: channel routing rules now, the
 * intelligence of later issues (classification, extraction, duplicates) next. A stage returns the
 * input it was given, changed or not.
 */
export type IntakeStage = (ctx: { deps: Deps; tenantId: string; row: InboundRow; channel: ChannelConfig | null; message: NormalizedMessage; input: CreateTicketInput }) => Promise<CreateTicketInput> | CreateTicketInput;

/** The adapters, senders and stages of this process, registered at start. */
export class IntakeRegistry {
  private readonly adapters = new Map<IntakeChannel, ChannelAdapter>();
  private readonly senders = new Map<IntakeChannel, ChannelSender>();
  readonly stages: { name: string; run: IntakeStage }[] = [];

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
  addStage(name: string, run: IntakeStage): this {
    this.stages.push({ name, run });
    return this;
  }
  /** The stages in order over a new ticket's input. */
  async runStages(deps: Deps, tenantId: string, row: InboundRow, channel: ChannelConfig | null, message: NormalizedMessage, input: CreateTicketInput): Promise<CreateTicketInput> {
    for (const stage of this.stages) input = await stage.run({ deps, tenantId, row, channel, message, input });
    return input;
  }
  adapter(channel: IntakeChannel): ChannelAdapter | undefined {
    return this.adapters.get(channel);
  }
  sender(channel: IntakeChannel): ChannelSender | undefined {
    return this.senders.get(channel);
  }
}
