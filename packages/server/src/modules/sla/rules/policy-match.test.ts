import { describe, expect, it } from 'vitest';
import { matchPolicy } from './policy-match';
import type { MatchFacts, SlaPolicy } from './sla-types';

const policy = (id: string, position: number, conditions: SlaPolicy['conditions'], active = true): SlaPolicy => ({
  id, name: id, position, active, conditions, calendarId: null, targets: {}, warnRemaining: 0.3, firstResponseOn: 'reply',
});
const facts: MatchFacts = { priority: 'urgent', categoryId: 'c-打印机', typeId: null, tier: 'vip', organizationId: 'o-1', channel: 'phone', teamId: 't-1' };

describe('SLA policy matching', () => {
  it('takes the first active policy in order whose conditions all match', () => {
    const ps = [
      policy('默认', 3, {}),
      policy('VIP 电话', 2, { tiers: ['vip'], channels: ['phone'] }),
      policy('停用', 0, {}, false),
      policy('VIP 邮件', 1, { tiers: ['vip'], channels: ['email'] }),
    ];
    expect(matchPolicy(ps, facts)?.name).toBe('VIP 电话');
    expect(matchPolicy(ps, { ...facts, tier: null })?.name).toBe('默认');
  });
  it('a list naming values does not match a ticket without that field', () => {
    expect(matchPolicy([policy('团队', 0, { teamIds: ['t-1'] })], { ...facts, teamId: null })).toBeNull();
    expect(matchPolicy([policy('分类', 0, { categoryIds: ['c-打印机'], priorities: ['urgent', 'high'] })], facts)?.name).toBe('分类');
  });
  it('a maintenance contract\'s policy applies before the ordered ones, while it is active', () => {
    const ps = [policy('默认', 0, {}), policy('维保合同 金牌', 5, { channels: ['email'] }), policy('停用合同', 6, {}, false)];
    expect(matchPolicy(ps, { ...facts, contractPolicyId: '维保合同 金牌' })?.name).toBe('维保合同 金牌');
    expect(matchPolicy(ps, { ...facts, contractPolicyId: '停用合同' })?.name).toBe('默认');
    expect(matchPolicy(ps, { ...facts, contractPolicyId: null })?.name).toBe('默认');
  });
});
