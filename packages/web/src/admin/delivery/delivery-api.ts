import { api } from '../../api/client';

// The delivery API (webhooks, notification channels, deliveries and the dead letters, one's own
// notification preferences) as the console calls it. The shapes are the contract's (SLA-CONTRACT.md),
// written by hand while the server's routes are being built.

export const ROBOT_KINDS = ['wecom_robot', 'dingtalk_robot', 'feishu_robot'] as const;
export const CHANNEL_KINDS = [...ROBOT_KINDS, 'sms_gateway'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface Webhook {
  id: string;
  name: string;
  url: string;
  events: string[];
  active: boolean;
  /** masked: its last 4 characters at most */
  secret: string;
  createdAt?: string;
  updatedAt?: string;
}
export interface WebhookBody {
  name: string;
  url: string;
  /** the signing secret (≥ 16 characters), chosen by the console and shown once; left out on update: kept */
  secret?: string;
  events: string[];
  active: boolean;
}

export interface NotificationChannel {
  id: string;
  kind: ChannelKind;
  name: string;
  config: Record<string, unknown>;
  active: boolean;
}
/** config: what is given replaces, what is left out stays, null clears (secrets come back masked) */
export interface ChannelBody {
  kind: ChannelKind;
  name: string;
  config: { url?: string; secret?: string | null; token?: string | null; sign?: string | null };
  active: boolean;
}

/** What a test send answered: the platform's HTTP status and what it said when it refused (errcode and message), or what went wrong. */
export interface TestResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  /** the X-Gongdan-Delivery id the test carried */
  deliveryId?: string;
}

export type DeliveryState = 'pending' | 'delivered' | 'dead';
export interface Delivery {
  id: string;
  targetKind: string;
  targetId: string | null;
  dedupeKey?: string;
  ticketId?: string | null;
  state: DeliveryState;
  attempts: number;
  lastStatus?: number | null;
  lastError?: string | null;
  createdAt: string;
  nextAttemptAt?: string | null;
  deliveredAt?: string | null;
  /** the message as enqueued */
  request?: unknown;
}

export const NOTIFY_CHANNELS = ['in_app', 'email', 'sms'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
export interface NotificationPreferences {
  /** kind → the channels it goes to (in-app always) */
  channels: Record<string, string[]>;
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string;
}

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
  updateChannel: (id: string, body: ChannelBody) => api.put<NotificationChannel>(`/notification-channels/${id}`, body),
  deleteChannel: (id: string) => api.delete<void>(`/notification-channels/${id}`),
  testChannel: (id: string, to?: string) => api.post<TestResult>(`/notification-channels/${id}/test`, to ? { to } : {}),
  deliveries: (state: DeliveryState, limit = 50, cursor?: string) => api.get<{ items: Delivery[]; nextCursor?: string | null }>('/deliveries', { state, limit, cursor }),
  replay: (id: string) => api.post<Delivery>(`/deliveries/${id}/replay`),
  preferences: () => api.get<NotificationPreferences>('/me/notification-preferences'),
  putPreferences: (body: NotificationPreferences) => api.put<NotificationPreferences>('/me/notification-preferences', body),
};
