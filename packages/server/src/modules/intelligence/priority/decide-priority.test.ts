import { describe, expect, it } from 'vitest';
import { decidePriority } from './index';

describe('the final priority of a new ticket, once its requester is known', () => {
  it('keeps the words’ level for a standard customer with no earlier contact', () => {
    for (const p of ['low', 'normal', 'high', 'urgent'] as const) expect(decidePriority(p, { tier: 'standard', repeatContacts: 0 })).toBe(p);
  });

  it('a VIP is never low; a super VIP or key account goes one level up', () => {
    expect(decidePriority('low', { tier: 'vip', repeatContacts: 0 })).toBe('normal');
    expect(decidePriority('high', { tier: 'vip', repeatContacts: 0 })).toBe('high');
    expect(decidePriority('normal', { tier: 'svip', repeatContacts: 0 })).toBe('high');
    expect(decidePriority('high', { tier: 'key_account', repeatContacts: 0 })).toBe('urgent');
    expect(decidePriority('urgent', { tier: 'key_account', repeatContacts: 0 })).toBe('urgent');
  });

  it('the third contact about the same problem goes one level up, and with a top tier two at most', () => {
    expect(decidePriority('low', { tier: 'standard', repeatContacts: 1 })).toBe('low');
    expect(decidePriority('low', { tier: 'standard', repeatContacts: 2 })).toBe('normal');
    expect(decidePriority('low', { tier: 'svip', repeatContacts: 5 })).toBe('high');
  });
});
