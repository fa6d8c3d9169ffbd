import { describe, expect, it } from 'vitest';
import { ruleBody } from './rule-form';

describe('a dispatch rule as the form sends it', () => {
  it('keeps the expected minutes on site and leaves out what was not given', () => {
    const body = ruleBody({
      name: ' 电梯年检 2 小时 ',
      enabled: true,
      conditions: { categoryIds: [], channels: ['phone'] },
      requirements: { skill: '', onSite: false, onSiteMinutes: 120, level: undefined },
    });
    expect(body).toEqual({ name: '电梯年检 2 小时', enabled: true, conditions: { channels: ['phone'] }, requirements: { onSiteMinutes: 120 } });
  });
});
