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
export { createDeviceKey } from './iot/manage-device-keys';
export { ingestAlarm } from './iot/ingest-alarm';
export { registerDeviceMessageHandler, DeviceMessageRefused } from './iot/device-messages';
export type { DeviceMessage, DeviceMessageHandler } from './iot/device-messages';
export { verifyDeviceKey } from './iot/device-auth';
export { PRIORITY_OF_SEVERITY, SEVERITIES } from './iot/iot-rules';
export type { Severity } from './iot/iot-rules';
export { assetIdsOfTickets } from './iot/read-ticket-assets';
export { alarmsOfAsset } from './iot/read-asset-alarms';
export { CHANNEL_PLUGINS } from './channel-plugins';
// for the self-service portal (modules/portal): the web form's submission, tracking and rate limits
export { submitWebForm } from './web/submit-web-form';
export type { SubmissionExtras, SubmitResult } from './web/submit-web-form';
export { findSubmission } from './web/track-submission';
export { getWebForm } from './web/get-web-form';
export { publicConversation } from './public-conversation';
export type { PublicReply } from './public-conversation';
export { webFormKeyOf } from './web/read-web-form-key';
export { checkRate, RateLimited } from './web/public-channel';
