// Navigation to the site in the common Chinese map apps, through their URI schemes (coordinates as
// stored on the ticket, taken as GCJ-02 — what these apps and Chinese map pickers use).

export interface MapLink {
  app: 'amap' | 'baidu' | 'tencent';
  href: string;
}

export function mapLinks(site: { lat: number; lng: number }, name: string): MapLink[] {
  const n = encodeURIComponent(name || '目的地');
  const { lat, lng } = site;
  return [
    // 高德 URI API (opens the app when installed: callnative=1)
    { app: 'amap', href: `https://uri.amap.com/navigation?to=${lng},${lat},${n}&mode=car&coordinate=gaode&callnative=1&src=gongdan` },
    // 百度地图 app URI: route planning to a point
    { app: 'baidu', href: `baidumap://map/direction?destination=latlng:${lat},${lng}|name:${n}&coord_type=gcj02&mode=driving&src=gongdan.field` },
    // 腾讯地图 app URI: route planning by car
    { app: 'tencent', href: `qqmap://map/routeplan?type=drive&to=${n}&tocoord=${lat},${lng}&referer=gongdan` },
  ];
}
