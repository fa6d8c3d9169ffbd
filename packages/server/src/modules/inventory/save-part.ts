import { isUniqueViolation } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { requireManager } from './access';
import { toPartView, type PartView } from './inventory-views';
import { partRepository, type PartFields, type PartRow } from './part-repository';
import { stockRepository } from './stock-repository';
import { partCodeTaken } from './warehouse-rules';

export interface PartInput {
  code?: string;
  name?: string;
  unit?: string;
  models?: string[];
  productLine?: string | null;
  price?: number | null;
  active?: boolean;
}

const fields = (i: PartInput, old?: PartRow): PartFields => ({
  code: (i.code ?? old?.code ?? '').trim(),
  name: (i.name ?? old?.name ?? '').trim(),
  unit: i.unit ?? old?.unit ?? '个',
  models: [...new Set((i.models ?? old?.models ?? []).map((m) => m.trim()))],
  productLine: i.productLine !== undefined ? i.productLine?.trim() || null : (old?.product_line ?? null),
  price: i.price !== undefined ? i.price : old?.price != null ? Number(old.price) : null,
  active: i.active ?? old?.active ?? true,
});

/** Adds a part (admins and supervisors); its code is unique in the tenant. */
export async function createPart(deps: Deps, actor: Actor, input: PartInput & { code: string; name: string }): Promise<PartView> {
  requireManager(actor);
  const at = deps.clock.now();
  try {
    return toPartView(await deps.db.tenant(actor.tenantId, (q) => partRepository.insert(q, { ...fields(input), id: uuidv7(at.getTime()), tenantId: actor.tenantId, at })));
  } catch (err) {
    if (isUniqueViolation(err)) throw partCodeTaken(input.code.trim());
    throw err;
  }
}

/** Changes a part (admins and supervisors). */
export async function updatePart(deps: Deps, actor: Actor, id: string, input: PartInput): Promise<PartView> {
  requireManager(actor);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  try {
    return await deps.db.tenant(actor.tenantId, async (q) => {
      const old = await partRepository.byId(q, id);
      if (!old) throw notFound('Part');
      const row = (await partRepository.update(q, id, { ...fields(input, old), at: deps.clock.now() }))!;
      return toPartView(row, await stockRepository.places(q, [id]));
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw partCodeTaken(input.code?.trim() ?? '');
    throw err;
  }
}
