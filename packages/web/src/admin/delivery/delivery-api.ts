import { api } from '../../api/client';
import { allOf, type Answer, type Body, type Schema } from '../../api/contract';

// The delivery API (webhooks, notification channels, deliveries and the dead letters, one's own
// notification preferences) as the console calls it; the shapes are the generated contract's (schema.d.ts).

/** An outbound webhook; its secret comes back masked (its last 4 characters at most). */
export type Webhook = Schema<'Webhook'>;
/** A webhook to create or change; the secret (≥ 16 characters) is chosen by the console and shown once, left out on a change: kept. */
export type WebhookBody = Body<'/api/v1/webhooks', 'post'>;

export type NotificationChannel = Schema<'NotificationChannel'>;
export type ChannelKind = NotificationChannel['kind'];
export const CHANNEL_KINDS = allOf<ChannelKind>()(['wecom_robot', 'dingtalk_robot', 'feishu_robot', 'sms_gateway']);
export const ROBOT_KINDS = ['wecom_robot', 'dingtalk_robot', 'feishu_robot'] as const satisfies readonly ChannelKind[];
/** config: what is given replaces, what is left out stays, null clears (secrets come back masked) */
export type ChannelBody = Body<'/api/v1/notification-channels', 'post'>;
export type ChannelChanges = Body<'/api/v1/notification-channels/{id}', 'put'>;

/** What a test send answered: the platform's HTTP status and what it said when it refused (errcode and message), or what went wrong. */
export type TestResult = Schema<'DeliveryTestResult'>;

export type Delivery = Schema<'Delivery'>;
export type DeliveryState = Delivery['state'];
export type DeliveryPage = Answer<'/api/v1/deliveries', 'get'>;

/** Per kind of notification, the channels besides the in-app center (email, SMS); quiet hours. */
export type NotificationPreferences = Schema<'NotificationPreferences'>;

export const DELIVERY_KEYS = {
  webhooks: ['delivery', 'webhooks'] as const,
  channels: ['delivery', 'channels'] as const,
  dead: ['delivery', 'dead'] as const,
  preferences: ['me', 'notification-preferences'] as const,
};

export const deliveryApi = {
  webhooks: () => api.get<{ items: Webhook[] }>('/webhooks'),
  createWebhook: (body: WebhookBody) => api.post<Webhook>('/webhooks', body),
  updateWebhook: (id: string, body: WebhookBody) => api.put<Webhook>(`/webhooks/${id}`, body),
  deleteWebhook: (id: string) => api.delete<void>(`/webhooks/${id}`),
  testWebhook: (id: string) => api.post<TestResult>(`/webhooks/${id}/test`, {}),
  channels: () => api.get<{ items: NotificationChannel[] }>('/notification-channels'),
  createChannel: (body: ChannelBody) => api.post<NotificationChannel>('/notification-channels', body),
  updateChannel: (id: string, body: ChannelChanges) => api.put<NotificationChannel>(`/notification-channels/${id}`, body),
  deleteChannel: (id: string) => api.delete<void>(`/notification-channels/${id}`),
  testChannel: (id: string, to?: string) => api.post<TestResult>(`/notification-channels/${id}/test`, to ? { to } : {}),
  deliveries: (state: DeliveryState, limit = 50, cursor?: string) => api.get<DeliveryPage>('/deliveries', { state, limit, cursor }),
  replay: (id: string) => api.post<Delivery>(`/deliveries/${id}/replay`),
  preferences: () => api.get<NotificationPreferences>('/me/notification-preferences'),
  putPreferences: (body: NotificationPreferences) => api.put<NotificationPreferences>('/me/notification-preferences', body),
};
