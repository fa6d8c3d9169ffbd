import type { IntakeKind } from '../../api/intake-types';

// What each channel kind asks for: its routing address, its non-secret settings, its write-only
// secrets, whether the platform calls us back, and what an admin embeds in a web page. One table,
// kept next to the server's adapters' expectations (the field names are the keys of `settings` and
// `secrets` in POST/PATCH /api/v1/channels). Labels: intake.channels.field.<key> in the i18n files.

export interface SettingField {
  key: string;
  type?: 'text' | 'number' | 'url';
  /** shown in the empty input */
  placeholder?: string;
  required?: boolean;
}

export interface KindSpec {
  kind: IntakeKind;
  /** the routing key (unique per kind across tenants); absent: the kind has none */
  address?: { label: string; placeholder?: string; required?: boolean; generated?: boolean };
  settings: SettingField[];
  secrets: string[];
  /** the platform posts to /callbacks/<kind>/<channelId> */
  callback?: boolean;
  embed?: 'form' | 'chat';
  /** IoT: the MQTT connection and topic contract are shown */
  mqtt?: boolean;
}

export const KIND_SPECS: Record<IntakeKind, KindSpec> = {
  email: {
    kind: 'email',
    address: { label: 'mailAddress', placeholder: 'support@example.com / @example.com', required: true },
    settings: [
      { key: 'imapHost', placeholder: 'imap.exmail.qq.com' },
      { key: 'imapPort', type: 'number', placeholder: '993' },
      { key: 'imapUser', placeholder: 'support@example.com' },
      { key: 'imapMailbox', placeholder: 'INBOX' },
      { key: 'relayUrl', type: 'url', placeholder: 'smtps://user@smtp.example.com:465' },
    ],
    secrets: ['imapPassword', 'relayPassword'],
  },
  wecom: {
    kind: 'wecom',
    settings: [
      { key: 'corpId', required: true, placeholder: 'ww0123456789abcdef' },
      { key: 'agentId', required: true, placeholder: '1000002' },
      { key: 'apiBaseUrl', type: 'url', placeholder: 'https://qyapi.weixin.qq.com' },
    ],
    secrets: ['token', 'encodingAesKey', 'corpSecret'],
    callback: true,
  },
  wechat: {
    kind: 'wechat',
    settings: [{ key: 'appId', required: true, placeholder: 'wx0123456789abcdef' }],
    secrets: ['token', 'encodingAesKey', 'appSecret'],
    callback: true,
  },
  dingtalk: {
    kind: 'dingtalk',
    settings: [
      { key: 'appKey', required: true, placeholder: 'dingxxxxxxxxxxxx' },
      { key: 'robotCode', placeholder: 'dingxxxxxxxxxxxx' },
    ],
    secrets: ['appSecret'],
    callback: true,
  },
  feishu: {
    kind: 'feishu',
    settings: [{ key: 'appId', required: true, placeholder: 'cli_a1b2c3d4e5f6' }],
    secrets: ['appSecret', 'verificationToken', 'encryptKey'],
    callback: true,
  },
  web: {
    kind: 'web',
    address: { label: 'formKey', generated: true, required: true },
    settings: [],
    secrets: [],
    embed: 'form',
  },
  chat: {
    kind: 'chat',
    address: { label: 'widgetKey', generated: true, required: true },
    settings: [],
    secrets: [],
    embed: 'chat',
  },
  phone: {
    kind: 'phone',
    address: { label: 'hotline', placeholder: '400-800-1234' },
    settings: [],
    secrets: ['token'],
    callback: true,
  },
  iot: {
    kind: 'iot',
    settings: [
      { key: 'mqttHost', placeholder: 'iot.example.com' },
      { key: 'mqttPort', type: 'number', placeholder: '1883' },
    ],
    secrets: [],
    callback: true,
    mqtt: true,
  },
};

/** Where the platform posts its events: paste into the WeCom / WeChat / DingTalk / Feishu / CTI console. */
export const callbackUrl = (origin: string, kind: IntakeKind, channelId: string) => `${origin}/callbacks/${kind}/${channelId}`;

/** The MQTT topics a device publishes to (one per alarm / recovery; payload JSON). */
export const IOT_TOPICS = ['devices/{serial}/alarm', 'devices/{serial}/recovery'];

/** What a web page includes: the ticket form posting to the channel, or the chat widget. */
export function embedSnippet(kind: 'form' | 'chat', origin: string, key: string, channelId: string): string {
  if (kind === 'chat') return `<script src="${origin}/widget/chat.js" data-key="${key}" async></script>`;
  return [
    `<form method="post" action="${callbackUrl(origin, 'web', channelId)}" accept-charset="utf-8">`,
    `  <input type="hidden" name="formKey" value="${key}">`,
    `  <input name="name" placeholder="姓名"> <input name="phone" placeholder="手机号"> <input name="email" placeholder="邮箱">`,
    `  <input name="subject" placeholder="标题"> <textarea name="text" placeholder="问题描述"></textarea>`,
    `  <button type="submit">提交</button>`,
    `</form>`,
  ].join('\n');
}

/** A fresh random key for a web form or chat widget (the routing address of those kinds). */
export function newKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
