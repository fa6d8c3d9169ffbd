import type { Deps } from '../../../../platform/deps';
import { ticketSummary } from '../../../tickets';
import { threadRepository } from '../../thread-repository';

const DAY_MS = 86_400_000;
export const DEFAULT_REJOIN_RESOLVED_DAYS = 7;

/**
 * Whether a user's new chat message joins the ticket their conversation points at. A closed ticket is
 * never joined (the pipeline opens a new one); a resolved one only within `rejoinDays` of its
 * resolution (a "还是不行" the next day reopens it; a message weeks later is a new matter).
 */
export function joinsTicket(t: { status: string; resolvedAt: Date | null }, now: Date, rejoinDays: number): boolean {
  if (t.status === 'closed') return false;
  if (t.status !== 'resolved') return true;
  return !t.resolvedAt || now.getTime() - t.resolvedAt.getTime() <= rejoinDays * DAY_MS;
}

/**
 * The thread keys of a chat message from one user of one app (`wecom:<corpId>:<userId>`…): the key
 * finds the user's open ticket, and is moved to the new ticket when one is opened.
 */
export async function conversationKeys(deps: Deps, tenantId: string, key: string, settings: Record<string, any> | undefined): Promise<{ threadKeys: string[]; ownKeys: string[] }> {
  const days = Number(settings?.rejoinResolvedDays ?? DEFAULT_REJOIN_RESOLVED_DAYS);
  const joins = await deps.db.tenant(tenantId, async (q) => {
    const id = await threadRepository.find(q, [key]);
    const t = id ? await ticketSummary(q, id) : undefined;
    return !t || joinsTicket(t, deps.clock.now(), Number.isFinite(days) ? days : DEFAULT_REJOIN_RESOLVED_DAYS);
  });
  return { threadKeys: joins ? [key] : [], ownKeys: [key] };
}
