import { describe, expect, it } from 'vitest';
import { targetsProblem } from './policy-rules';

describe('SLA policy targets', () => {
  it('needs at least one target', () => {
    expect(targetsProblem({})?.field).toBe('targets');
    expect(targetsProblem({ urgent: {} })?.field).toBe('targets');
  });
  it('a response target longer than the resolution target (same kind of time) says which to fix', () => {
    const p = targetsProblem({ normal: { first_response: { minutes: 600, business: true }, resolution: { minutes: 480, business: true } } });
    expect(p).toMatchObject({ field: 'targets.normal.first_response' });
    expect(p!.message).toContain('shorten it');
    expect(targetsProblem({ urgent: { first_response: { minutes: 15, business: false }, resolution: { minutes: 240, business: false } } })).toBeNull();
  });
});
