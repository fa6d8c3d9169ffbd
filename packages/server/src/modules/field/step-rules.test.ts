import { describe, expect, it } from 'vitest';
import { afterStep, beforeTicketProblem, checkInDistance, distanceM, finishedTicketProblem, inputProblem, orderProblem, visitEngineer, type StepFacts, type VisitState } from './step-rules';

const now = new Date('2026-03-02T02:00:00Z');
const at = (min: number) => new Date(now.getTime() + min * 60_000);
const fresh: VisitState = { state: 'planned', departedAt: null, checkedInAt: null };
const run = (steps: StepFacts[]) => steps.reduce<{ v: VisitState; problems: (string | null)[] }>((acc, s) => {
  const p = orderProblem(acc.v, s);
  return { v: p ? acc.v : afterStep(acc.v, s), problems: [...acc.problems, p?.code ?? null] };
}, { v: fresh, problems: [] });

describe('the order of a visit’s steps', () => {
  it('出发 → 签到 → 备注 / 照片 / 签字 → 完工 is accepted, by the phone’s times', () => {
    const r = run([
      { kind: 'depart', at: at(-60) },
      { kind: 'check_in', at: at(-30), lat: 31.2, lng: 121.4 },
      { kind: 'note', at: at(-25), text: '更换了门机皮带' },
      { kind: 'photo', at: at(-20), fileId: 'f1' },
      { kind: 'signature', at: at(-10), fileId: 'f2' },
      { kind: 'complete', at: at(-5), result: 'fixed' },
    ]);
    expect(r.problems).toEqual([null, null, null, null, null, null]);
    expect(r.v.state).toBe('done');
  });

  it('check-in without departing first is fine; completing before checking in is not', () => {
    expect(run([{ kind: 'check_in', at: at(-5), lat: 1, lng: 1 }]).problems).toEqual([null]);
    expect(run([{ kind: 'complete', at: at(-5), result: 'fixed' }]).problems).toEqual(['FIELD_STEP_OUT_OF_ORDER']);
    expect(run([{ kind: 'photo', at: at(-5), fileId: 'x' }]).problems).toEqual(['FIELD_STEP_OUT_OF_ORDER']);
  });

  it('a second check-in, a departure after arriving, or anything after 完工 is refused', () => {
    const r = run([
      { kind: 'check_in', at: at(-30), lat: 1, lng: 1 },
      { kind: 'check_in', at: at(-29), lat: 1, lng: 1 },
      { kind: 'depart', at: at(-28) },
      { kind: 'complete', at: at(-20), result: 'fixed' },
      { kind: 'note', at: at(-10), text: '补充' },
    ]);
    expect(r.problems).toEqual([null, 'FIELD_STEP_OUT_OF_ORDER', 'FIELD_STEP_OUT_OF_ORDER', null, 'FIELD_VISIT_COMPLETED']);
  });

  it('a step made before the check-in (phone time) cannot complete the visit', () => {
    const r = run([
      { kind: 'check_in', at: at(-30), lat: 1, lng: 1 },
      { kind: 'complete', at: at(-40), result: 'fixed' },
    ]);
    expect(r.problems).toEqual([null, 'FIELD_STEP_OUT_OF_ORDER']);
  });

  it('a step made hours ago and sent now is judged by when it was made', () => {
    expect(inputProblem({ kind: 'note', at: at(-300), text: '离线时写的' }, now)).toBeNull();
    expect(inputProblem({ kind: 'note', at: at(30), text: '时钟快了' }, now)).toMatchObject({ field: 'at', issue: 'in_future' });
  });

  it('says what a step is missing', () => {
    expect(inputProblem({ kind: 'check_in', at: now }, now)).toMatchObject({ field: 'lat' });
    expect(inputProblem({ kind: 'note', at: now, text: '  ' }, now)).toMatchObject({ field: 'text' });
    expect(inputProblem({ kind: 'photo', at: now }, now)).toMatchObject({ field: 'fileId' });
    expect(inputProblem({ kind: 'complete', at: now }, now)).toMatchObject({ field: 'result' });
    expect(inputProblem({ kind: 'complete', at: now, result: 'needs_part' }, now)).toMatchObject({ field: 'text' });
    expect(inputProblem({ kind: 'complete', at: now, result: 'needs_part', text: '缺门机主板' }, now)).toBeNull();
  });
});

describe('a ticket resolved meanwhile', () => {
  it('refuses a new visit’s step made after the resolution, keeps one made before it', () => {
    expect(finishedTicketProblem(at(-10), { kind: 'check_in', at: at(-5), lat: 1, lng: 1 })?.code).toBe('FIELD_VISIT_COMPLETED');
    expect(finishedTicketProblem(at(-10), { kind: 'check_in', at: at(-20), lat: 1, lng: 1 })).toBeNull();
    expect(finishedTicketProblem(null, { kind: 'note', at: at(0), text: '备注' })).toBeNull();
  });
});

describe('the check-in distance', () => {
  const site = { lat: 31.2304, lng: 121.4737 }; // 上海人民广场
  it('measures metres on the globe', () => {
    expect(distanceM(site, { lat: 31.2394, lng: 121.4737 })).toBeGreaterThan(990);
    expect(distanceM(site, { lat: 31.2394, lng: 121.4737 })).toBeLessThan(1010);
  });
  it('flags a check-in farther than the radius, allowing for the stated accuracy', () => {
    expect(checkInDistance(site, { lat: 31.2313, lng: 121.4737 }, 500)).toEqual({ distanceM: 100, flagged: false });
    expect(checkInDistance(site, { lat: 31.2394, lng: 121.4737 }, 500).flagged).toBe(true);
    expect(checkInDistance(site, { lat: 31.2354, lng: 121.4737, accuracy: 100 }, 500).flagged).toBe(false);
    expect(checkInDistance(null, { lat: 0, lng: 0 }, 500)).toEqual({ distanceM: null, flagged: false });
  });
});

describe('whose visit it is', () => {
  it('a visit not started follows the ticket’s assignee; one under way or done stays with who made it', () => {
    expect(visitEngineer({ state: 'planned', userId: 'a' }, 'b')).toBe('b');
    expect(visitEngineer({ state: 'planned', userId: 'a' }, null)).toBeNull();
    for (const state of ['en_route', 'on_site', 'done'] as const) expect(visitEngineer({ state, userId: 'a' }, 'b')).toBe('a');
  });
});

describe('a step dated before its ticket existed', () => {
  const created = at(-60);
  it('is refused beyond 2 minutes of clock skew, on at', () => {
    expect(beforeTicketProblem(created, { kind: 'check_in', at: at(-60 - 14 * 60), lat: 1, lng: 1 })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'at', issue: 'before_created' });
    expect(beforeTicketProblem(created, { kind: 'depart', at: at(-63) })).toMatchObject({ field: 'at' });
  });
  it('is taken within the skew, and after', () => {
    expect(beforeTicketProblem(created, { kind: 'depart', at: at(-62) })).toBeNull();
    expect(beforeTicketProblem(created, { kind: 'depart', at: at(-30) })).toBeNull();
  });
});
