// The dispatch map's tile server (MAP_TILE_URL / MAP_TILE_ATTRIBUTION), a port set in app.ts from the
// configuration; unset: the console draws over its built-in base layer.
export interface MapTiles {
  tileUrl: string | null;
  attribution: string | null;
}

declare module '../../../platform/deps' {
  interface Deps {
    mapTiles?: MapTiles;
  }
}
