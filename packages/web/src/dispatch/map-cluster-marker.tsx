import L from 'leaflet';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Marker, Tooltip } from 'react-leaflet';

// One 点聚合 marker of the 派单地图: "5 单" coloured by its most urgent ticket, or "12 人" green when someone
// inside is available. A click zooms in (or spreads the markers out at the highest zoom): the caller decides.

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface ClusterMarkerProps {
  kind: 'ticket' | 'engineer';
  lat: number;
  lng: number;
  count: number;
  /** the ids inside (data-members: the browser tests find a person's or a ticket's cluster by it) */
  members: string[];
  /** ticket: the tone of the most urgent ticket; engineer: 'available' or 'none' */
  tone: string;
  /** the first few names or ticket numbers, for the tooltip */
  names: string[];
  /** the click spreads the markers out rather than zooming in */
  spreads: boolean;
  onClick: () => void;
}

export function ClusterMarker({ kind, lat, lng, count, members, tone, names, spreads, onClick }: ClusterMarkerProps) {
  const { t } = useTranslation();
  const position = useMemo<[number, number]>(() => [lat, lng], [lat, lng]);
  const ids = members.join(' ');
  const icon = useMemo(
    () =>
      // a zero-size icon at the point, the badge centred on it by CSS: its width follows its text
      L.divIcon({
        className: '',
        iconSize: [0, 0],
        iconAnchor: [0, 0],
        html: `<div class="gd-cluster gd-cluster-${kind} gd-tone-${esc(tone)}" data-testid="${kind}-cluster" data-count="${count}" data-tone="${esc(tone)}" data-members="${esc(ids)}" role="img" aria-label="${esc(t(`dispatchMap.cluster.${kind}sAria`, { count }))}">${esc(t(`dispatchMap.cluster.${kind}s`, { count }))}</div>`,
      }),
    [kind, tone, count, ids, t],
  );
  return (
    <Marker position={position} icon={icon} zIndexOffset={kind === 'engineer' ? 600 : 100} keyboard={false} eventHandlers={{ click: onClick }}>
      <Tooltip direction="top" offset={[0, kind === 'engineer' ? -42 : 0]}>
        <div data-testid={`${kind}-cluster-tooltip`}>
          {names.join('、')}
          {count > names.length ? ` ${t('dispatchMap.cluster.more', { count })}` : ''}
          {kind === 'engineer' ? <div>{t(tone === 'available' ? 'dispatchMap.cluster.someAvailable' : 'dispatchMap.cluster.noneAvailable')}</div> : null}
          <div>{t(spreads ? 'dispatchMap.cluster.spread' : 'dispatchMap.cluster.zoom')}</div>
        </div>
      </Tooltip>
    </Marker>
  );
}
