import { clipBytes } from './robot-messages';

// The words of a notification sent by mail or SMS (pure; zh-CN, the product's first language).

const LABELS: Record<string, string> = {
  mention: '有人在工单中提到了你',
  assigned: '工单已分配给你',
  unassigned: '你的工单已改派给他人',
  // to the team's supervisors: offered to everyone eligible, nobody accepted in time (data.text says so at length)
  dispatch_not_accepted: '工单无人接单，请跟进',
  watched_ticket_comment: '你关注的工单有新消息',
  watcher_added: '你被添加为工单关注人',
  sla_warning: 'SLA 预警',
  sla_breached: 'SLA 已超时',
  escalated: '工单已升级',
  chased: '客户催单',
  csat_low: '客户满意度低分',
  contract_expiring: '维保合同即将到期',
};

export const labelOf = (kind: string) => LABELS[kind] ?? `工单通知（${kind}）`;

/** System actors by their code name ('dispatch' assigns, 'automation' runs rules …), as people read them. */
const SYSTEM_NAMES: Record<string, string> = { system: '系统', dispatch: '智能派单', automation: '自动化规则', sla: 'SLA', intelligence: '智能分析', iot: '设备告警' };

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function ticketLine(data: Record<string, unknown>): string {
  const number = str(data.number);
  const title = str(data.title);
  return [number && `#${number}`, title].filter(Boolean).join(' ');
}

export function notificationMail(kind: string, data: Record<string, unknown>, to: string): { to: string; subject: string; text: string } {
  const ticket = ticketLine(data);
  const lines = [
    labelOf(kind),
    ticket && `工单：${ticket}`,
    str(data.by) && `操作人：${SYSTEM_NAMES[str(data.by)] ?? str(data.by)}`,
    // unassigned: who has the job now, and why
    kind === 'unassigned' && str(data.to) && `改派给：${str(data.to)}`,
    kind === 'unassigned' && str(data.reason) && `原因：${str(data.reason)}`,
    str(data.excerpt) && `内容：${str(data.excerpt)}`,
    str(data.text),
  ].filter(Boolean);
  return { to, subject: `【工单通知】${labelOf(kind)}${ticket ? `：${ticket}` : ''}`.slice(0, 200), text: `${lines.join('\n')}\n` };
}

/** An SMS: one short line (the gateway adds the signature 【…】). */
export function notificationSms(kind: string, data: Record<string, unknown>, to: string): { to: string; text: string } {
  const ticket = ticketLine(data);
  const whom = kind === 'unassigned' && str(data.to) ? `（改派给 ${str(data.to)}）` : '';
  return { to, text: clipBytes(`${labelOf(kind)}${ticket ? `：${ticket}` : ''}${whom}`, 300) };
}
