import { describe, expect, it } from 'vitest';
import { ctxAt, need, person } from './fixtures.test-support';
import { nearestOutlet } from './outlet';
import { DEFAULT_WEIGHTS } from './score';
import type { Outlet } from './types';

const outlets: Outlet[] = [
  { id: '浦东网点', name: '浦东服务网点', at: [31.22, 121.54] },
  { id: '徐汇网点', name: '徐汇服务网点', at: [31.18, 121.43] },
  { id: '闵行网点', name: '闵行服务网点', at: [31.11, 121.38] },
];
const site = need('单1', { location: [31.21, 121.53], skill: '电梯维修', level: 3 }); // in 浦东

describe('nearestOutlet', () => {
  it('is the closest outlet with an eligible person, and its best-scored person', () => {
    const people = [
      person('浦东甲', { outletId: '浦东网点', home: [31.25, 121.6] }),
      person('浦东乙', { outletId: '浦东网点', home: [31.215, 121.535] }),
      person('徐汇甲', { outletId: '徐汇网点', home: [31.21, 121.53] }),
    ];
    const got = nearestOutlet(site, outlets, people, ctxAt(), DEFAULT_WEIGHTS);
    expect(got?.outletId).toBe('浦东网点');
    expect(got?.personId).toBe('浦东乙');
    expect(got?.km).toBeCloseTo(1.42, 1);
  });

  it('passes over an outlet whose people fail a hard rule or are full, and closed outlets', () => {
    const people = [
      person('浦东低级', { outletId: '浦东网点', skills: { 电梯维修: 2 } }),
      person('浦东满', { outletId: '浦东网点', load: { ticket: 0, chat: 0, field: 5 } }),
      person('徐汇甲', { outletId: '徐汇网点' }),
      person('闵行甲', { outletId: '闵行网点' }),
      person('无网点', { outletId: null }),
    ];
    expect(nearestOutlet(site, outlets, people, ctxAt(), DEFAULT_WEIGHTS)).toMatchObject({ outletId: '徐汇网点', personId: '徐汇甲' });
    const closed = outlets.map((o) => (o.id === '徐汇网点' ? { ...o, active: false } : o));
    expect(nearestOutlet(site, closed, people, ctxAt(), DEFAULT_WEIGHTS)).toMatchObject({ outletId: '闵行网点', personId: '闵行甲' });
  });

  it('is null when no outlet can do it or the need has no location', () => {
    const people = [person('浦东低级', { outletId: '浦东网点', skills: { 电梯维修: 1 } })];
    expect(nearestOutlet(site, outlets, people, ctxAt(), DEFAULT_WEIGHTS)).toBeNull();
    expect(nearestOutlet({ ...site, location: null }, outlets, [person('甲', { outletId: '浦东网点' })], ctxAt(), DEFAULT_WEIGHTS)).toBeNull();
    expect(nearestOutlet(site, [], [person('甲', { outletId: '浦东网点' })], ctxAt(), DEFAULT_WEIGHTS)).toBeNull();
  });
});
