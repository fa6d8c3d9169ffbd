import { useQuery } from '@tanstack/react-query';
import { dispatchApi, dispatchKeys } from './dispatch-api';

/** The configured tile server (MAP_TILE_URL) for a console map other than the board's: read once and
 * cached; while it loads or if it fails the map draws the built-in base layer. */
export const useMapTiles = (enabled = true) => useQuery({ queryKey: dispatchKeys.mapTiles, queryFn: dispatchApi.mapTiles, staleTime: Infinity, enabled, retry: false });
