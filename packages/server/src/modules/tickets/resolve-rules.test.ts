import { describe, expect, it } from 'vitest';
import { cannotResolve, heldToResolveRules, missingToResolve } from './resolve-rules';

const bare = { resolution: null, category_id: null, assignee_id: null };
const ready = { resolution: '更换了打印机定影器，测试打印正常', category_id: 'c1', assignee_id: 'u1' };

describe('what resolving a ticket needs', () => {
  it('names every field a ticket without note, category and assignee still lacks, in order', () => {
    expect(missingToResolve(['resolution', 'category', 'assignee'], bare)).toEqual(['resolution', 'categoryId', 'assigneeId']);
    expect(missingToResolve(['resolution', 'category', 'assignee'], ready)).toEqual([]);
  });

  it('asks only what the ticket type requires', () => {
    expect(missingToResolve(['resolution'], bare)).toEqual(['resolution']);
    expect(missingToResolve([], bare)).toEqual([]);
    expect(missingToResolve(['category', 'assignee'], { ...bare, category_id: 'c1' })).toEqual(['assigneeId']);
  });

  it('does not take blank words for a resolution note', () => {
    expect(missingToResolve(['resolution'], { ...ready, resolution: '  \n ' })).toEqual(['resolution']);
  });

  it('holds people and integrations to it, not the system resolving on its own (a device recovering)', () => {
    expect(heldToResolveRules({ type: 'user' })).toBe(true);
    expect(heldToResolveRules({ type: 'api_key' })).toBe(true);
    expect(heldToResolveRules({ type: 'system' })).toBe(false);
  });

  it('refuses with a code and a required_to_resolve issue per missing field', () => {
    const e = cannotResolve(['resolution', 'categoryId']);
    expect(e).toMatchObject({ code: 'INVALID_TRANSITION', field: 'resolution' });
    expect(e.details).toEqual([
      { field: 'resolution', code: 'required_to_resolve', message: expect.any(String) },
      { field: 'categoryId', code: 'required_to_resolve', message: expect.any(String) },
    ]);
  });
});
