import type { DemoSummary } from './demo-summary';

// The demo's summary as a person reads it after `npm run demo`: what was loaded, who signs in with
// which password, where each channel is, and how well the models did — each line in Chinese, then
// in English.

export interface ServerAddresses {
  /** Where the console is once `npm start` runs. */
  url: string;
  smtpPort: number;
  mqttPort: number;
}

const ROLES: Record<string, [string, string]> = {
  admin: ['管理员', 'administrator'],
  supervisor: ['主管', 'supervisor'],
  agent: ['坐席', 'agent'],
  engineer: ['工程师', 'engineer'],
  customer: ['客户（门户）', 'customer (portal)'],
};
const TARGETS: Record<string, [string, string]> = { category: ['分类', 'category'], team: ['处理团队', 'team'], priority: ['优先级', 'priority'] };

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
/** Pads to a display width, counting a Chinese character as two columns. */
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(1, width - [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));

export function describeDemo(s: DemoSummary, server: ServerAddresses): string {
  const c = s.counts;
  const lines: string[] = [];
  lines.push(
    `演示数据已载入租户“${s.tenant.name}”（${s.tenant.slug}），用时 ${s.seconds} 秒：${c.tickets} 张工单（英文 ${c.englishTickets} 张，子工单 ${c.subtasks} 张），${c.users} 个账号，${c.organizations} 家客户单位，${c.devices} 台电梯设备。`,
    `The demo is in tenant "${s.tenant.slug}" (${s.seconds} s): ${c.tickets} tickets (${c.englishTickets} in English, ${c.subtasks} sub-tasks), ${c.users} accounts, ${c.organizations} organizations, ${c.devices} elevators.`,
    '',
    `登录控制台 / Sign in: ${server.url}/  （先运行 / after: npm start）`,
  );
  const width = Math.max(...s.signIn.map((u) => u.email.length)) + 2;
  for (const u of s.signIn) {
    const [zh, en] = ROLES[u.role] ?? [u.role, u.role];
    const password = u.password === null ? '密码不变（您已有的管理员）/ your existing password' : `密码 / password ${u.password}`;
    lines.push(`  ${pad(`${zh} ${en}`, 30)}${pad(u.name, 12)}${pad(u.email, width)}${password}`);
  }
  const ch = s.channels;
  lines.push(
    '',
    '渠道 / Channels',
    `  邮件 Email       发往 ${ch.mailbox} 的邮件成为工单（本机 SMTP 端口 ${server.smtpPort}）/ mail to ${ch.mailbox} on SMTP port ${server.smtpPort} becomes a ticket`,
    `  网页表单 Web form 公开密钥 / public key ${ch.webFormKey}`,
    `  在线客服 Chat     <script src="${server.url}/widget/chat.js" data-key="${ch.chatKey}" async></script>`,
    `  设备告警 IoT      MQTT 端口 / port ${server.mqttPort}，用户名 / user ${s.tenant.slug}，设备密钥 / device key ${ch.deviceKey}（只显示这一次 / shown once）`,
    `                   主题 / topic gongdan/${s.tenant.slug}/devices/<序列号 serial>/alarm`,
    `  自助门户 Portal   ${server.url}/portal/${s.tenant.slug}（知识库搜索、提交与查询工单 / help centre, submit and track requests）`,
    '',
    '智能分类（留出工单上的准确率）/ Intelligence (accuracy on held-back tickets)',
  );
  for (const m of s.models) {
    const [zh, en] = TARGETS[m.target] ?? [m.target, m.target];
    lines.push(`  ${pad(`${zh} ${en}`, 20)}准确率 accuracy ${pad(pct(m.accuracy), 8)}宏平均 F1 macro F1 ${pad(pct(m.macroF1), 8)}基于 ${m.heldOut} 张 / on ${m.heldOut} tickets`);
  }
  return lines.join('\n');
}
