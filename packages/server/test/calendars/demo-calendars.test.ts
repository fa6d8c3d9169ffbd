import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoCalendars, DEMO_HOTLINE_CALENDAR, DEMO_OFFICE_CALENDAR } from '../../src/demo/calendars';
import { addBusinessMinutes, calendarSpec } from '../../src/modules/calendars';
import { systemActor } from '../../src/modules/identity';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The demo's calendars: the office calendar with the 2026 schedule as the default, and the 7×24 hotline.
describe('demo calendars', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('演示日历');
  });
  afterAll(() => t.close());

  it('seeds the office default and the hotline once', async () => {
    const actor = systemActor(acme.id, '演示数据');
    expect(await createDemoCalendars(t.deps, actor)).toEqual([DEMO_OFFICE_CALENDAR, DEMO_HOTLINE_CALENDAR]);
    expect(await createDemoCalendars(t.deps, actor)).toEqual([]);
    const spec = await t.db.tenant(acme.id, (q) => calendarSpec(q, null));
    expect(spec.name).toBe(DEMO_OFFICE_CALENDAR);
    // 国庆: Wednesday 09-30 17:00 Beijing + 4 working hours → Thursday 10-08 12:00
    expect(addBusinessMinutes(spec, new Date('2026-09-30T09:00:00Z'), 240).toISOString()).toBe('2026-10-08T04:00:00.000Z');
    const items = (await t.api(acme.adminToken, 'GET', '/api/v1/calendars')).json().items;
    expect(items.map((c: { name: string; alwaysOpen: boolean; isDefault: boolean }) => [c.name, c.alwaysOpen, c.isDefault])).toEqual([
      [DEMO_OFFICE_CALENDAR, false, true],
      [DEMO_HOTLINE_CALENDAR, true, false],
    ]);
  });
});
