// Delivery: outbound webhooks, group robots (WeCom / DingTalk / Feishu), the SMS gateway and
// notification mail, each message enqueued once (dedupe key) in the transaction that caused it and
// sent by the sender loop with retries, exponential backoff and a dead-letter list.
export { enqueueDelivery } from './enqueue-delivery';
export type { NewDelivery, TargetKind } from './delivery-repository';
export { robotText, ROBOT_KINDS } from './robot-messages';
export type { RobotKind } from './robot-messages';
export { startDelivery, DELIVERY_CONSUMER } from './start-delivery';
export type { StartDeliveryOptions } from './start-delivery';
export { deliveryRoutes } from './routes';
export { webhookSignature, parseWebhookSignature, dingtalkSign, feishuSign } from './signing';
export { listChannels } from './manage-channels';
export { createWebhook, listWebhooks } from './manage-webhooks';
export { enqueueCustomerMessage } from './send-customer-message';
