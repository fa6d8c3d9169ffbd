import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Polyline, Tooltip } from 'react-leaflet';
import { formatDateTime } from '../i18n/format';
import { dispatchApi, dispatchKeys } from './dispatch-api';
import type { Board, DayRoute } from './dispatch-types';
import { engineerPoint } from './map-markers';

// The day routes (路线规划) on the 派单地图: one line per engineer with a stored plan for the day, from
// where the engineer is drawn through the visits in order. Nothing is planned here (plans are made by a
// team plan, a job assigned, or the engineer's phone); stops the plan expects after their SLA deadline are counted.

const COLOURS = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#13c2c2', '#722ed1', '#a0d911', '#fa541c'];

/** Today as YYYY-MM-DD in the browser's zone. */
export const today = (now = new Date()) => `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** The points of a route's line: the engineer's point (when known), then each stop. */
export function routePoints(route: DayRoute, board: Board): [number, number][] {
  const e = board.engineers.find((x) => x.id === route.userId);
  const start = e ? engineerPoint(e) : null;
  return [...(start ? [start] : []), ...route.stops.map((s) => [s.lat, s.lng] as [number, number])];
}

export function RouteLines({ board, date = today() }: { board: Board; date?: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: dispatchKeys.routes(date), queryFn: () => dispatchApi.routes(date), refetchInterval: 60_000, retry: false });
  const routes = (q.data?.items ?? []).filter((r) => r.stops.length > 0);
  return (
    <>
      {routes.map((r, i) => {
        const name = board.engineers.find((e) => e.id === r.userId)?.name ?? '';
        return (
          <Polyline key={r.userId} positions={routePoints(r, board)} pathOptions={{ color: COLOURS[i % COLOURS.length], weight: 3, opacity: 0.8, dashArray: '6 6', className: 'gd-route-line' }}>
            <Tooltip sticky>
              {t('dispatchMap.route.line', { name, stops: r.stops.length, km: r.km.toFixed(1) })}
              <br />
              {r.stops.some((s) => s.late) && (
                <>
                  {t('dispatchMap.route.late', { count: r.stops.filter((s) => s.late).length })}
                  <br />
                </>
              )}
              {t('dispatchMap.route.planned', { time: formatDateTime(r.planned_at) })}
            </Tooltip>
          </Polyline>
        );
      })}
    </>
  );
}
