import { describe, expect, it } from 'vitest';
import { IntakeRegistry } from './intake-registry';
import type { ChannelSender, IntakeChannel } from './intake-types';
import { replyChannel } from './send-reply';

const sender = (channel: IntakeChannel, identityKind: ChannelSender['identityKind']): ChannelSender => ({ channel, identityKind, send: async () => ({}) });
const registry = new IntakeRegistry().addSender(sender('email', 'email')).addSender(sender('wecom', 'wecom'));
const has = (kinds: string[]) => (s: ChannelSender) => kinds.includes(s.identityKind);

describe('the channel a staff reply goes out on', () => {
  it('the picked channel, else the ticket channel, else email', () => {
    expect(replyChannel(registry, 'email', 'wecom', has(['email', 'wecom']))?.channel).toBe('email');
    expect(replyChannel(registry, 'web', 'wecom', has(['email', 'wecom']))?.channel).toBe('wecom');
    expect(replyChannel(registry, 'web', 'wecom', has(['email']))?.channel).toBe('email');
    expect(replyChannel(registry, 'web', 'phone', has([]))).toBeNull();
  });

  it('"portal only" (仅门户) sends nothing, even when the ticket came by a channel that could', () => {
    expect(replyChannel(registry, 'portal', 'wecom', has(['email', 'wecom']))).toBeNull();
  });

  it('"log a call-back" (记录回电) on a phone ticket sends nothing, even when the requester has an email', () => {
    expect(replyChannel(registry, 'phone', 'phone', has(['email']))).toBeNull();
  });

  it('a system notice that names its channel goes there or nowhere (no fallback to email)', () => {
    expect(replyChannel(registry, 'wecom', 'wecom', has(['email', 'wecom']), { only: true })?.channel).toBe('wecom');
    expect(replyChannel(registry, 'wecom', 'wecom', has(['email']), { only: true })).toBeNull();
  });
});
