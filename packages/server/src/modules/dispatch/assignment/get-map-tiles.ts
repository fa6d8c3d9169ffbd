import type { Deps } from '../../../platform/deps';
import { forbidden } from '../../../platform/errors';
import { isStaff, type Actor } from '../../identity';
import type { MapTiles } from './map-tiles';

/** The configured tile server, for every map of the console (the dispatch map, 上门地址): staff only. */
export function getMapTiles(deps: Deps, actor: Actor): MapTiles {
  if (!isStaff(actor)) throw forbidden('Maps are for staff');
  return deps.mapTiles ?? { tileUrl: null, attribution: null };
}
