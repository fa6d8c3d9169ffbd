import type { TicketFacts } from './condition-rules';

// Reply and notification texts of rules: {{ticket.number}}, {{ticket.title}}, {{requester.name}},
// {{team.name}}, {{assignee.name}}, {{ticket.priority}}, {{sla.due}}; an unknown placeholder stays visible,
// so the one who wrote it sees the mistake.

const PRIORITY_WORDS: Record<string, string> = { low: '低', normal: '普通', high: '高', urgent: '紧急' };

/** A moment as the tenant reads it: 2026-03-02 09:30 (Asia/Shanghai unless given). */
export function localMinute(at: Date, timeZone = 'Asia/Shanghai'): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function renderPlaceholders(text: string, f: TicketFacts, o: { timeZone?: string } = {}): string {
  const values: Record<string, string> = {
    'ticket.number': String(f.number),
    'ticket.title': f.title,
    'ticket.priority': PRIORITY_WORDS[f.priority] ?? f.priority,
    'requester.name': f.requesterName ?? '客户',
    'team.name': f.teamName ?? '客服团队',
    'assignee.name': f.assigneeName ?? '处理人',
    'sla.due': f.slaDueAt ? localMinute(f.slaDueAt, o.timeZone) : '尽快',
  };
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}
