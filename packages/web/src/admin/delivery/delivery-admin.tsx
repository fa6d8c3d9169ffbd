import { TabbedAdmin } from '../tabbed-admin';

// Administration › 通知与 Webhook: webhooks, notification channels (group robots, SMS gateway), dead letters.

export const DELIVERY_PAGES = ['webhooks', 'channels', 'dead'] as const;

export default function DeliveryAdmin() {
  return <TabbedAdmin section="delivery" pages={DELIVERY_PAGES} labels="delivery.tabs" />;
}
