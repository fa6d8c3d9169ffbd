import { indexTokens, queryTokens } from '../../platform/text/segment';
import type { Priority } from '../tickets';
import type { ChannelDefaults } from './intake-types';

// Channel routing rules: until the intelligence stage labels tickets, a channel's defaults and its
// keyword rules set the category, team, priority and tags of the tickets it opens. Keywords match on
// jieba tokens, not substrings: 打印机 matches "打印机卡纸" but 机 alone does not match 手机.

export interface RoutingRule {
  /** any of these keywords (each a word or phrase; a phrase matches when all its words occur) */
  keywords: string[];
  categoryId?: string;
  teamId?: string;
  priority?: Priority;
  tags?: string[];
}

export interface Routing {
  categoryId?: string;
  teamId?: string;
  priority?: Priority;
  tags: string[];
  typeId?: string;
  /** the rule that matched and the keyword that decided it (shown on the ticket's creation) */
  matched?: { rule: number; keyword: string };
}

/** The keyword of `keywords` found in the text's tokens, if any. */
export function matchingKeyword(tokens: Set<string>, keywords: string[]): string | undefined {
  return keywords.find((k) => {
    const words = queryTokens(k);
    return words.length > 0 && words.every((w) => tokens.has(w));
  });
}

/** The routing of a new ticket from its channel's defaults, refined by the first matching keyword rule. */
export function routeByRules(defaults: ChannelDefaults & { rules?: RoutingRule[] }, text: string): Routing {
  const out: Routing = {
    categoryId: defaults.categoryId,
    teamId: defaults.teamId,
    priority: defaults.priority,
    typeId: defaults.typeId,
    tags: [...(defaults.tags ?? [])],
  };
  const rules = defaults.rules ?? [];
  if (!rules.length) return out;
  const tokens = new Set(indexTokens(text));
  for (let i = 0; i < rules.length; i++) {
    const keyword = matchingKeyword(tokens, rules[i].keywords);
    if (!keyword) continue;
    const r = rules[i];
    return {
      categoryId: r.categoryId ?? out.categoryId,
      teamId: r.teamId ?? out.teamId,
      priority: r.priority ?? out.priority,
      typeId: out.typeId,
      tags: [...new Set([...out.tags, ...(r.tags ?? [])])],
      matched: { rule: i, keyword },
    };
  }
  return out;
}

/** How a channel is named in generated titles (the product speaks Chinese first). */
export const CHANNEL_LABELS: Record<string, string> = {
  email: '邮件',
  web: '网页表单',
  chat: '在线客服',
  phone: '电话',
  wechat: '微信公众号',
  wecom: '企业微信',
  dingtalk: '钉钉',
  feishu: '飞书',
  iot: '物联网设备',
};

/** A title for a ticket opened by a message: its subject, or the first line of its text. */
export function titleFor(subject: string | undefined, text: string, fallback: string): string {
  const s = (subject ?? '').replace(/\s+/g, ' ').trim();
  if (s) return s.slice(0, 500);
  const line = text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  if (!line) return fallback;
  return [...line].length > 80 ? `${[...line].slice(0, 80).join('')}…` : line;
}

/** Exponential backoff between processing attempts of an inbound message: 5 s, 10 s, 20 s … capped at 10 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(600_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Splits claimed messages into lanes: messages of one lane (one sender, one conversation, as the
 * transport marked them in `meta.lane`) are processed one after another in order of arrival, so a
 * reply never overtakes the message that opened its ticket; lanes run side by side. Messages without
 * a lane share one, so a transport that does not mark lanes is processed strictly in order.
 */
export function lanesOf<T extends { id: string; meta: Record<string, unknown> }>(rows: T[]): T[][] {
  const lanes = new Map<string, T[]>();
  for (const r of rows) {
    const key = typeof r.meta.lane === 'string' ? r.meta.lane : '';
    const lane = lanes.get(key);
    if (lane) lane.push(r);
    else lanes.set(key, [r]);
  }
  return [...lanes.values()];
}
