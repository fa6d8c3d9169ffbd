import type { Queryable } from '../../platform/db/database';
import { assetRepository } from './asset-repository';
import { assetRefOf, type AssetRef } from './asset-rules';

/** The tenant's assets of a model (maintenance: a plan for every asset of a model), at most `limit`, newest first. */
export async function assetsOfModel(q: Queryable, model: string, limit = 10_000): Promise<AssetRef[]> {
  return (await assetRepository.list(q, { model, limit })).map(assetRefOf);
}
