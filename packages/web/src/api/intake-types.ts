import { allOf, type Answer, type Body, type Item, type Schema } from './contract';

// Shapes of the channel administration, the intake archive and a ticket's channel log
// (GET /api/v1/channels, /intake/messages, /tickets/:id/channel-log).

export type ChannelInput = Body<'/api/v1/channels', 'post'>;
export type ChannelChanges = Body<'/api/v1/channels/{id}', 'patch'>;
export type ChannelDefaults = NonNullable<ChannelInput['defaults']>;
export type RoutingRule = Item<NonNullable<ChannelDefaults['rules']>>;

/** A channel; its defaults are those it was given (the server keeps what POST / PATCH accepted). */
export type IntakeChannel = Omit<Schema<'Channel'>, 'defaults'> & { defaults: ChannelDefaults };
export type IntakeKind = IntakeChannel['kind'];
export const INTAKE_KINDS = allOf<IntakeKind>()(['email', 'web', 'chat', 'phone', 'wechat', 'wecom', 'dingtalk', 'feishu', 'iot']);

export type InboundMessage = Schema<'InboundMessage'>;
export type InboundState = InboundMessage['state'];
export const INBOUND_STATES = allOf<InboundState>()(['pending', 'processed', 'ignored', 'quarantined']);
export type InboundPage = Answer<'/api/v1/intake/messages', 'get'>;

export type ChannelLog = Answer<'/api/v1/tickets/{id}/channel-log', 'get'>;
export type OutboundDelivery = Item<ChannelLog['outbound']>;
