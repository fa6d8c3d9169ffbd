import { describe, expect, it } from 'vitest';
import type { Holdings } from './people-holdings';
import { ruleWarnings } from './rule-warnings';
import { vocabularyOf } from './vocabulary';

// Warnings on a rule nobody can meet, and the vocabulary they are read from: judged as the hard rules judge.

const TODAY = '2026-03-02';
const TEAM = '0190a0a0-0000-7000-8000-0000000000a1';
const person = (h: Partial<Holdings>): Holdings => ({ teamIds: [], skills: {}, certifications: [], regions: [], hasArea: false, languages: ['zh'], productLines: [], ...h });
const gao = person({ teamIds: [TEAM], skills: { 电梯维保: 4 }, certifications: [{ name: '特种设备作业证', expires: '2026-03-02' }], regions: ['上海市'], productLines: ['电梯'] });
const lin = person({ skills: { 电梯维保: 2, 空调: 3 }, certifications: [{ name: '电工证', expires: '2026-03-01' }], regions: ['上海市/浦东新区'], languages: ['zh', 'en'], productLines: ['空调'] });
const people = [gao, lin];

describe('rule warnings', () => {
  it('says nothing when someone qualifies: the skill at the level, a certification valid through today, a region under theirs', () => {
    expect(ruleWarnings({ skill: '电梯维保', level: 4, certification: '特种设备作业证', region: '上海市/徐汇区', productLine: '电梯', language: 'zh-CN', teamId: TEAM }, people, TODAY)).toEqual([]);
    expect(ruleWarnings({ onSite: true, onSiteMinutes: 90 }, [], TODAY)).toEqual([]);
  });

  it('names the skill nobody has, and the level nobody reaches', () => {
    expect(ruleWarnings({ skill: '电梯维修', level: 3 }, people, TODAY)).toEqual([
      {
        field: 'requirements.skill',
        code: 'NOBODY_QUALIFIES',
        message: 'Nobody has the skill 电梯维修 at level 3 or above: tickets this rule matches will wait in the queue',
        value: '电梯维修',
        level: 3,
      },
    ]);
    expect(ruleWarnings({ skill: '电梯维保', level: 5 }, people, TODAY)[0]).toMatchObject({ field: 'requirements.skill', value: '电梯维保', level: 5 });
    expect(ruleWarnings({ skill: '扶梯' }, people, TODAY)[0].message).toBe('Nobody has the skill 扶梯: tickets this rule matches will wait in the queue');
  });

  it('tells a certification nobody holds from one everyone holds expired', () => {
    expect(ruleWarnings({ certification: '高压电工证' }, people, TODAY)).toMatchObject([{ field: 'requirements.certification', code: 'NOBODY_QUALIFIES', value: '高压电工证' }]);
    expect(ruleWarnings({ certification: '电工证' }, people, TODAY)).toMatchObject([{ field: 'requirements.certification', code: 'ALL_EXPIRED', value: '电工证', holders: 1 }]);
    expect(ruleWarnings({ certification: '电工证' }, [person({ certifications: [{ name: '电工证', expires: null }] })], TODAY)).toEqual([]);
  });

  it('names the region, product line and language nobody covers', () => {
    const w = ruleWarnings({ region: '北京市', productLine: '扶梯', language: 'ja' }, people, TODAY);
    expect(w.map((x) => [x.field, x.code, x.value])).toEqual([
      ['requirements.language', 'NOBODY_QUALIFIES', 'ja'],
      ['requirements.region', 'NOBODY_QUALIFIES', '北京市'],
      ['requirements.productLine', 'NOBODY_QUALIFIES', '扶梯'],
    ]);
    // a person without a named region, or with a drawn area, may serve it: no warning
    expect(ruleWarnings({ region: '北京市' }, [...people, person({})], TODAY)).toEqual([]);
    expect(ruleWarnings({ region: '北京市' }, [...people, person({ regions: ['天津市'], hasArea: true })], TODAY)).toEqual([]);
    // a region above a person's is not covered by it
    expect(ruleWarnings({ region: '上海' }, people, TODAY)).toHaveLength(1);
  });

  it('warns when each requirement is met by someone but never all by one person', () => {
    expect(ruleWarnings({ skill: '空调', productLine: '电梯' }, people, TODAY)).toEqual([
      { field: 'requirements', code: 'NOBODY_MEETS_ALL', message: "Nobody meets all of this rule's requirements at once: tickets this rule matches will wait in the queue" },
    ]);
    expect(ruleWarnings({ skill: '空调', teamId: TEAM }, people, TODAY)).toMatchObject([{ code: 'NOBODY_MEETS_ALL' }]);
  });
});

describe('the vocabulary', () => {
  it('counts each value once per person, most held first then by name, certifications valid today apart', () => {
    const v = vocabularyOf([...people, person({ skills: { 空调: 1 }, certifications: [{ name: '电工证', expires: null }, { name: '电工证', expires: '2020-01-01' }], languages: ['EN'] })], TODAY);
    expect(v.skills).toEqual([{ name: '电梯维保', people: 2 }, { name: '空调', people: 2 }].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')));
    expect(v.certifications).toEqual([
      { name: '电工证', people: 2, valid: 1 },
      { name: '特种设备作业证', people: 1, valid: 1 },
    ]);
    expect(v.regions).toEqual([{ name: '上海市', people: 1 }, { name: '上海市/浦东新区', people: 1 }]);
    expect(v.languages).toEqual([{ name: 'zh', people: 2 }, { name: 'en', people: 2 }].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')));
    expect(v.productLines.map((t) => t.name).sort()).toEqual(['电梯', '空调'].sort());
  });
});
