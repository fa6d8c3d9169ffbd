import { createAsset } from '../../src/modules/assets';
import { systemActor } from '../../src/modules/identity';
import type { Deps } from '../../src/platform/deps';

/** A registered device of a model (the telemetry bench's fleet), through the assets module's use case. */
export function createAssetForBench(deps: Deps, tenantId: string, serial: string, model: string): Promise<{ id: string }> {
  return createAsset(deps, systemActor(tenantId), { serial, model, name: `${model} ${serial}` });
}
