import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { drawJobParts } from './draw-job-parts';
import { isSettledStatus, visibleJob } from './job-facts';
import { jobPartsRepository, type UsageRow } from './job-parts-repository';
import { partRepository } from './part-repository';
import { moveContext } from './stock-target';
import { checkQty } from './stock-rules';
import { warehouseRepository } from './warehouse-repository';

export interface UsageInput {
  opId: string;
  lines: { partId: string; warehouseId?: string; qty: number }[];
}

const answerOf = (opId: string, ticketId: string, rows: UsageRow[]) => ({
  opId,
  ticketId,
  lines: rows.map((u) => ({ id: u.id, partId: u.part_id, warehouseId: u.warehouse_id, qty: u.qty, state: u.state, drawn: u.drawn })),
});
export type UsageAnswer = ReturnType<typeof answerOf>;

/**
 * 用料: the parts used on a ticket, sent by the phone (maybe late, maybe twice). Idempotent by the client's
 * opId: the op is claimed with its answer in the same transaction, so a repeat — sequential or concurrent,
 * on any process — gets the first answer and changes nothing. Usage is drawn at the ticket's settlement;
 * on a ticket already resolved it is drawn at once.
 */
export async function recordUsage(deps: Deps, actor: Actor, ticketId: string, input: UsageInput): Promise<UsageAnswer> {
  input.lines.forEach((l, i) => checkQty(l.qty, `lines.${i}.qty`));
  return deps.db.tenant(actor.tenantId, async (q) => {
    const job = await visibleJob(q, actor, ticketId);
    const ctx = moveContext(deps, actor);
    if (!(await jobPartsRepository.claimOp(q, { tenantId: actor.tenantId, opId: input.opId, ticketId, answer: {}, at: ctx.at }))) {
      const op = (await jobPartsRepository.op(q, input.opId))!;
      if (op.ticket_id !== ticketId) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This opId was used for another ticket: make a new one for each action', { field: 'opId' });
      return op.answer as UsageAnswer;
    }
    const parts = new Set((await partRepository.byIds(q, input.lines.map((l) => l.partId))).map((p) => p.id));
    const named = input.lines.flatMap((l) => (l.warehouseId ? [l.warehouseId] : []));
    const warehouses = new Set((await warehouseRepository.byIds(q, [...new Set(named)])).map((w) => w.id));
    const ids: string[] = [];
    for (const [i, l] of input.lines.entries()) {
      if (!parts.has(l.partId)) throw notFound('Part', `lines.${i}.partId`);
      if (l.warehouseId && !warehouses.has(l.warehouseId)) throw notFound('Warehouse', `lines.${i}.warehouseId`);
      const row = await jobPartsRepository.insertUsage(q, { id: uuidv7(ctx.at.getTime()), tenantId: actor.tenantId, ticketId, opId: input.opId, partId: l.partId, warehouseId: l.warehouseId ?? null, qty: l.qty, recordedBy: ctx.actorId, at: ctx.at });
      ids.push(row.id);
    }
    if (isSettledStatus(job.status)) await drawJobParts(q, ctx, job);
    const rows = (await jobPartsRepository.usageOf(q, ticketId)).filter((u) => ids.includes(u.id));
    const answer = answerOf(input.opId, ticketId, rows);
    await jobPartsRepository.setOpAnswer(q, input.opId, answer);
    return answer;
  });
}
