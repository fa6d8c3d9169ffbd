import type { IntakeKind } from '../../api/intake-types';

// What each channel kind asks for: its routing address, its non-secret settings, its write-only
// secrets, whether the platform calls us back, and what an admin embeds in a web page. One table,
// kept next to the server's adapters' expectations (the field names are the keys of `settings` and
// `secrets` in POST/PATCH /api/v1/channels). Labels: intake.channels.field.<key> in the i18n files.

export interface SettingField {
  /** a path in `settings`: "imap.host" is settings.imap.host */
  key: string;
  type?: 'text' | 'number' | 'url' | 'boolean';
  /** shown in the empty input */
  placeholder?: string;
  required?: boolean;
}

export interface KindSpec {
  kind: IntakeKind;
  /** the routing key typed by the admin (unique per kind across tenants); absent: the kind has none */
  address?: { label: string; placeholder?: string; required?: boolean };
  /** web forms (wf_…) and chat widgets (ch_…): the server gives the address, a public key */
  publicKey?: boolean;
  settings: SettingField[];
  secrets: string[];
  /** where the platform posts its events, to paste into its console */
  callback?: (origin: string, channelId: string) => string;
  embed?: 'form' | 'chat';
  /** IoT: the MQTT connection and topic contract are shown */
  mqtt?: boolean;
}

/** The messaging platforms post to /callbacks/<platform>/<channel id> (packages/server/src/modules/intake/messaging). */
const platformCallback = (kind: IntakeKind) => (origin: string, id: string) => `${origin}/callbacks/${kind}/${id}`;
const apiBaseUrl = (placeholder: string): SettingField => ({ key: 'apiBaseUrl', type: 'url', placeholder });

export const KIND_SPECS: Record<IntakeKind, KindSpec> = {
  email: {
    kind: 'email',
    address: { label: 'mailAddress', placeholder: 'support@example.com / @example.com', required: true },
    settings: [
      { key: 'from', placeholder: '客服中心 <support@example.com>' },
      { key: 'imap.host', placeholder: 'imap.exmail.qq.com' },
      { key: 'imap.port', type: 'number', placeholder: '993' },
      { key: 'imap.secure', type: 'boolean' },
      { key: 'imap.user', placeholder: 'support@example.com' },
      { key: 'imap.mailbox', placeholder: 'INBOX' },
      { key: 'relayUrl', type: 'url', placeholder: 'smtps://support@example.com@smtp.exmail.qq.com:465' },
    ],
    secrets: ['imapPassword', 'relayPassword'],
  },
  wecom: {
    kind: 'wecom',
    settings: [
      { key: 'corpId', required: true, placeholder: 'ww0123456789abcdef' },
      { key: 'agentId', required: true, placeholder: '1000002' },
      apiBaseUrl('https://qyapi.weixin.qq.com'),
    ],
    secrets: ['token', 'encodingAesKey', 'corpSecret'],
    callback: platformCallback('wecom'),
  },
  wechat: {
    kind: 'wechat',
    settings: [{ key: 'appId', required: true, placeholder: 'wx0123456789abcdef' }, apiBaseUrl('https://api.weixin.qq.com')],
    secrets: ['token', 'encodingAesKey', 'appSecret'],
    callback: platformCallback('wechat'),
  },
  dingtalk: {
    kind: 'dingtalk',
    settings: [
      { key: 'appKey', required: true, placeholder: 'dingd8e1123006514592' },
      { key: 'robotCode', placeholder: 'dingd8e1123006514592' },
      { key: 'corpId', placeholder: 'ding0123456789abcdef' },
      apiBaseUrl('https://api.dingtalk.com'),
    ],
    secrets: ['appSecret'],
    callback: platformCallback('dingtalk'),
  },
  feishu: {
    kind: 'feishu',
    settings: [{ key: 'appId', required: true, placeholder: 'cli_a1b2c3d4e5f6' }, apiBaseUrl('https://open.feishu.cn')],
    secrets: ['appSecret', 'verificationToken', 'encryptKey'],
    callback: platformCallback('feishu'),
  },
  web: { kind: 'web', publicKey: true, settings: [{ key: 'title', placeholder: '在线报修' }], secrets: [], embed: 'form' },
  chat: { kind: 'chat', publicKey: true, settings: [], secrets: [], embed: 'chat' },
  phone: {
    kind: 'phone',
    address: { label: 'hotline', placeholder: '400-800-1234' },
    settings: [],
    secrets: ['token'],
    // the CTI posts call events with "Authorization: Bearer <token>" (packages/server/src/modules/intake/phone)
    callback: (origin, id) => `${origin}/api/v1/cti/events?channel=${id}`,
  },
  iot: { kind: 'iot', settings: [], secrets: [], mqtt: true },
};

/** The MQTT topics a device publishes to (username: the tenant's slug; password: a device key). */
export const iotTopics = (slug: string) => [`gongdan/${slug}/devices/{serial}/alarm`, `gongdan/${slug}/devices/{serial}/recovery`];

/** What a web page includes: a form posting through the public API, or the chat widget. */
export function embedSnippet(kind: 'form' | 'chat', origin: string, key: string): string {
  if (kind === 'chat') return `<script src="${origin}/widget/chat.js" data-key="${key}" async></script>`;
  return [
    `<form id="gongdan-form">`,
    `  <input name="name" placeholder="姓名" required> <input name="phone" placeholder="手机号"> <input name="email" placeholder="邮箱">`,
    `  <input name="title" placeholder="标题" required> <textarea name="description" placeholder="问题描述" required></textarea>`,
    `  <button>提交</button> <output></output>`,
    `</form>`,
    `<script>`,
    `(async () => {`,
    `  const api = '${origin}/api/v1/public', key = '${key}';`,
    `  const { token } = await (await fetch(api + '/forms/' + key)).json();`,
    `  const form = document.getElementById('gongdan-form');`,
    `  form.onsubmit = async (e) => {`,
    `    e.preventDefault();`,
    `    const body = { key, token, submissionId: crypto.randomUUID(), ...Object.fromEntries(new FormData(form)) };`,
    `    const r = await (await fetch(api + '/tickets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();`,
    `    form.querySelector('output').textContent = r.number ? '工单号 ' + r.number + '，查询码 ' + r.queryCode : (r.error?.message ?? '已收到，查询码 ' + r.queryCode);`,
    `  };`,
    `})();`,
    `</script>`,
  ].join('\n');
}
