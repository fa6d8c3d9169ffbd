// Intake: every channel's messages (email, web form, chat, phone, WeChat / WeCom / DingTalk / Feishu,
// IoT) stored raw before they are acknowledged, then turned into tickets and comments by one pipeline;
// replies go back on the customer's channel. Channel families are plugins (channel-plugins.ts).
export * from './intake-types';
export { receiveInbound, intakeSignal } from './receive-inbound';
export { IntakeRegistry } from './intake-registry';
export { IntakeWorker } from './intake-worker';
export { startIntake, intakeRegistry, OUTBOUND_CONSUMER } from './start-intake';
export type { RunningIntake } from './start-intake';
export type { ChannelPlugin, ChannelListener, ChannelRuntime } from './channel-plugin';
export type { ChannelRow } from './channel-repository';
export { intakeRoutes } from './routes';
export { routeByRules, matchingKeyword } from './routing-rules';
export type { RoutingRule } from './routing-rules';
export { RoutingRuleSchema } from './schemas';
export { createChannel } from './manage-channels';
export { getInbound } from './manage-inbound';
export { sendReply } from './send-reply';
export { assignPublicKey } from './web/assign-public-key';
export { createAsset } from './iot/manage-assets';
export { createDeviceKey } from './iot/manage-device-keys';
export { ingestAlarm } from './iot/ingest-alarm';
export { PRIORITY_OF_SEVERITY, SEVERITIES } from './iot/iot-rules';
export type { Severity } from './iot/iot-rules';
export { assetIdsOfTickets } from './iot/read-ticket-assets';
export { CHANNEL_PLUGINS } from './channel-plugins';
