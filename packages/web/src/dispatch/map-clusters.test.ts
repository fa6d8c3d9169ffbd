import { describe, expect, it } from 'vitest';
import { type Bbox, ClusterIndex, densestGroup, type MapPoint, spreadOffsets, ticketScore, ticketTone } from './map-clusters';

// Points around 人民广场 (a few hundred metres apart), one in 闵行 (~20 km) and one in 广州.
const SHANGHAI: Bbox = [121, 30.8, 122, 31.6];
const WORLD: Bbox = [-180, -85, 180, 85];
const pt = (id: string, lat: number, lng: number, score = 0): MapPoint<string> => ({ id, lat, lng, item: `#${id}`, score });
const PEOPLE_SQUARE = [pt('a', 31.231, 121.474, 2), pt('b', 31.233, 121.478, 6), pt('c', 31.229, 121.471, 3), pt('d', 31.236, 121.469, 1)];
const POINTS = [...PEOPLE_SQUARE, pt('minhang', 31.112, 121.382, 4), pt('guangzhou', 23.129, 113.264, 2)];

const counts = (index: ClusterIndex<string>, bbox: Bbox, zoom: number) =>
  index
    .at(bbox, zoom)
    .map((s) => (s.kind === 'cluster' ? s.count : 1))
    .sort((x, y) => y - x);

describe('点聚合 of the map points', () => {
  it('clusters points closer than 40 px: fewer markers the further out, every point once', () => {
    const index = new ClusterIndex(POINTS);
    // all of East China: 上海 one pile, 广州 alone
    expect(counts(index, WORLD, 5)).toEqual([5, 1]);
    // city zoom: 人民广场's four together, 闵行 apart
    expect(counts(index, SHANGHAI, 11)).toEqual([4, 1]);
    // street level: each on its own
    expect(counts(index, SHANGHAI, 17)).toEqual([1, 1, 1, 1, 1]);
  });

  it('tells a cluster’s members, the first few items and the zoom where it splits', () => {
    const index = new ClusterIndex(POINTS);
    const [pile] = index.at(SHANGHAI, 11).filter((s) => s.kind === 'cluster');
    expect(pile.kind === 'cluster' && [...pile.members].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(pile.kind === 'cluster' && pile.sample).toHaveLength(3);
    if (pile.kind !== 'cluster') throw new Error('a cluster');
    const z = index.expansionZoom(pile.id);
    expect(z).toBeGreaterThan(11);
    expect(index.at(SHANGHAI, z).some((s) => s.kind === 'single' || s.count < 4)).toBe(true);
  });

  it('never clusters a point kept apart (the selected ticket), wherever the view is', () => {
    const index = new ClusterIndex(POINTS, new Set(['b']));
    const shown = index.at(SHANGHAI, 11);
    expect(shown.find((s) => s.kind === 'single' && s.id === 'b')).toMatchObject({ lat: 31.233, lng: 121.478, item: '#b' });
    const pile = shown.find((s) => s.kind === 'cluster');
    expect(pile?.kind === 'cluster' && pile.members.sort()).toEqual(['a', 'c', 'd']);
    expect(counts(index, WORLD, 3)).toEqual([4, 1, 1]);
  });

  it('colours a ticket cluster by its most urgent ticket: overdue, then due soon, then priority', () => {
    expect(ticketTone(ticketScore('low', 'overdue'))).toBe('overdue');
    expect(ticketTone(ticketScore('urgent', 'soon'))).toBe('soon');
    expect(ticketTone(ticketScore('high', 'ok'))).toBe('high');
    expect(ticketTone(ticketScore('normal', 'none'))).toBe('normal');
    const tone = (pts: MapPoint<string>[]) => {
      const [c] = new ClusterIndex(pts).at(SHANGHAI, 11);
      return c.kind === 'cluster' ? ticketTone(c.score) : null;
    };
    expect(tone(PEOPLE_SQUARE)).toBe('overdue');
    const lowHigh = [pt('x', 31.231, 121.474, ticketScore('low', 'ok')), pt('y', 31.232, 121.475, ticketScore('high', 'none'))];
    expect(tone(lowHigh)).toBe('high');
    expect(tone([...lowHigh, pt('z', 31.233, 121.473, ticketScore('normal', 'soon'))])).toBe('soon');
  });

  it('spreads points at one place on distinct screen offsets, far enough apart to click', () => {
    for (const n of [2, 3, 5, 8, 13, 30]) {
      const offsets = spreadOffsets(n);
      expect(offsets).toHaveLength(n);
      expect(new Set(offsets.map(([x, y]) => `${x},${y}`)).size).toBe(n);
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) expect(Math.hypot(offsets[i][0] - offsets[j][0], offsets[i][1] - offsets[j][1])).toBeGreaterThanOrEqual(30);
    }
    expect(spreadOffsets(1)).toEqual([[0, 0]]);
    expect(spreadOffsets(2)[0]).toEqual([0, -36]); // the first at the top
  });

  it('frames the densest group, not one ticket far away', () => {
    const points = POINTS.map((p) => [p.lat, p.lng] as [number, number]);
    const group = densestGroup(points);
    expect(group).toHaveLength(5);
    expect(group).not.toContainEqual([23.129, 113.264]);
    // two far-apart points, or no group: all of them
    expect(densestGroup(points.slice(-2))).toHaveLength(2);
    expect(densestGroup([[31.2, 121.4], [23.1, 113.2], [39.9, 116.4]])).toHaveLength(3);
  });
});
