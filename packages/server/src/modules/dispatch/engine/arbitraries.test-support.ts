// fast-check generators of small, rule-heavy pools and needs around Shanghai (engine property tests).
import fc from 'fast-check';
import { need as makeNeed, NOW, person as makePerson } from './fixtures.test-support';
import type { Need, Person, WorkKind } from './types';

const SKILLS = ['电梯维修', '空调', '网络'];
// the fixtures' day is 2026-03-06: one of each expired the day before, one valid through today
const CERTS: { name: string; expires: string | null }[] = [{ name: '特种设备作业证', expires: '2026-03-05' }, { name: '特种设备作业证', expires: '2027-01-31' }, { name: '电工证', expires: '2026-03-06' }, { name: '电工证', expires: null }];
const kindArb = fc.constantFrom<WorkKind>('field', 'ticket');
const latLng = fc.tuple(fc.double({ min: 31.0, max: 31.4, noNaN: true }), fc.double({ min: 121.2, max: 121.7, noNaN: true }));

export const personArb = (id: string): fc.Arbitrary<Person> =>
  fc
    .record({
      status: fc.constantFrom('available', 'available', 'busy', 'away', 'off_shift' as const),
      teamIds: fc.subarray(['t1', 't2']),
      levels: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: SKILLS.length, maxLength: SKILLS.length }),
      capField: fc.integer({ min: 0, max: 3 }),
      loadField: fc.integer({ min: 0, max: 3 }),
      capTicket: fc.integer({ min: 0, max: 3 }),
      loadTicket: fc.integer({ min: 0, max: 3 }),
      home: fc.option(latLng, { nil: null }),
      work: fc.integer({ min: 0, max: 480 }),
      solved: fc.integer({ min: 0, max: 12 }),
      median: fc.integer({ min: 20, max: 300 }),
      fix: fc.double({ min: 0, max: 1, noNaN: true }),
      busy: fc.option(fc.integer({ min: 0, max: 240 }), { nil: undefined }),
      freeAt: fc.option(latLng, { nil: undefined }),
      certs: fc.subarray(CERTS),
      languages: fc.subarray(['zh', 'en-US']),
      regions: fc.subarray(['上海市', '上海市/浦东新区', '北京市']),
    })
    .map((r) =>
      makePerson(id, {
        status: r.status as Person['status'],
        teamIds: r.teamIds,
        skills: Object.fromEntries(SKILLS.flatMap((s, i) => (r.levels[i] > 0 ? [[s, r.levels[i]]] : []))),
        capacity: { ticket: r.capTicket, chat: 2, field: r.capField },
        load: { ticket: r.loadTicket, chat: 0, field: r.loadField },
        home: r.home,
        workMinutesToday: r.work,
        history: r.solved > 0 ? { 类别1: { solved: r.solved, medianResolutionMin: r.median, firstFixRate: r.fix } } : {},
        busyMinutes: r.busy,
        freeAt: r.freeAt,
        certifications: r.certs,
        languages: r.languages,
        regions: r.regions,
      }),
    );

export const peopleArb = (max: number) =>
  fc.integer({ min: 1, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArb(`p${i}`))));

export const needArb = (id: string, ids: string[]): fc.Arbitrary<Need> =>
  fc
    .record({
      kind: kindArb,
      priority: fc.constantFrom('low', 'normal', 'high', 'urgent' as const),
      skill: fc.option(fc.constantFrom(...SKILLS), { nil: null }),
      level: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      teamIds: fc.subarray(['t1', 't2'], { maxLength: 1 }),
      location: fc.option(latLng, { nil: null }),
      excluded: fc.subarray(ids, { maxLength: Math.min(2, ids.length) }),
      preferred: fc.subarray(ids, { maxLength: 1 }),
      tier: fc.constantFrom(null, 'standard', 'vip'),
      category: fc.constantFrom(null, '类别1'),
      dueInMin: fc.option(fc.integer({ min: -60, max: 300 }), { nil: null }),
      certification: fc.constantFrom(null, null, '特种设备作业证', '电工证'),
      language: fc.constantFrom(null, null, 'zh-CN', 'en'),
      region: fc.constantFrom(null, null, '上海市/浦东新区', '上海市/徐汇区', '北京市'),
    })
    .map((r) =>
      makeNeed(id, {
        kind: r.kind,
        priority: r.priority as Need['priority'],
        skill: r.skill,
        level: r.skill ? r.level : null,
        teamIds: r.teamIds,
        location: r.location,
        excludedUserIds: r.excluded,
        preferredUserIds: r.preferred,
        customerTier: r.tier,
        categoryId: r.category,
        dueAt: r.dueInMin === null ? null : new Date(NOW.getTime() + r.dueInMin * 60_000),
        certification: r.certification,
        language: r.language,
        region: r.region,
      }),
    );

/** A pool of people and a list of needs over it. */
export const caseArb = (maxPeople: number, maxNeeds: number) =>
  peopleArb(maxPeople).chain((people) =>
    fc
      .integer({ min: 1, max: maxNeeds })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => needArb(`n${i}`, people.map((p) => p.id)))))
      .map((needs) => ({ people, needs })),
  );
