import { describe, expect, it } from 'vitest';
import { MAX_SKILLS } from './profile-schemas';
import { overSkillLimit } from './skill-limit';

const skills = (n: number, prefix = 's') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 3]));

describe('at most 100 skills a person, counted after merging the changes', () => {
  it('counts what the person has plus what is added, less what is removed', () => {
    const current = new Map([['a', skills(99)], ['b', skills(MAX_SKILLS)]]);
    expect(overSkillLimit(current, [{ userId: 'a', skill: 'new', level: 2 }])).toEqual([]);
    expect(overSkillLimit(current, [{ userId: 'a', skill: 'new', level: 2 }, { userId: 'a', skill: 'newer', level: 2 }])).toEqual([{ userId: 'a', count: 101 }]);
    // changing a level the person has, or swapping one for another, adds nothing
    expect(overSkillLimit(current, [{ userId: 'b', skill: 's1', level: 5 }, { userId: 'b', skill: 's2', level: null }, { userId: 'b', skill: 'x', level: 1 }])).toEqual([]);
    expect(overSkillLimit(new Map(), Object.keys(skills(101)).map((skill) => ({ userId: 'c', skill, level: 1 })))).toEqual([{ userId: 'c', count: 101 }]);
  });
});
