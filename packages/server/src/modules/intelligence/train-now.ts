import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { Actor } from '../identity';
import { assertAdmin } from './access';
import { getModels, type ModelsView } from './get-models';
import { cacheFor } from './model-cache';
import { trainModels } from './train-models';

/** An admin retrains the tenant's models now; answers with the models as trained. */
export async function trainNow(deps: Deps, actor: Actor): Promise<ModelsView> {
  assertAdmin(actor);
  const trained = await trainModels(deps, actor.tenantId);
  if (trained === null) throw new AppError('CONFLICT', 'The models of this tenant are being trained already; try again when that is done');
  await cacheFor(deps.db).reload(actor.tenantId);
  return getModels(deps, actor);
}
