import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarSpec, addBusinessMinutes, ALWAYS_OPEN } from '../../src/modules/calendars';
import { createStaff } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

const OFFICE = [['09:00', '12:00'], ['13:30', '18:00']];
const WEEK = { '1': OFFICE, '2': OFFICE, '3': OFFICE, '4': OFFICE, '5': OFFICE, '6': [], '7': [] };
const ALL_DAY = [['00:00', '24:00']];

// /calendars: business calendars (工作日历), managed by admins, read by supervisors.
describe('business calendars', () => {
  let t: TestApp;
  let acme: TestTenant;
  let other: TestTenant;
  let supervisor: { token: string };
  let agent: { token: string };
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('工作日历测试');
    other = await t.tenant('另一租户');
    supervisor = await createStaff(t, acme.adminToken, '主管老沈', 'supervisor');
    agent = await createStaff(t, acme.adminToken, '坐席小蒋', 'agent');
  });
  afterAll(() => t.close());

  const post = (token: string, url: string, body: unknown) => t.api(token, 'POST', url, body);

  it('creates the 2026 China calendar from the built-in schedule as the default, and previews due times across the Spring Festival', async () => {
    const res = await post(acme.adminToken, '/api/v1/calendars/from-builtin', { name: '工作日 9:00–18:00（午休 12:00–13:30）', year: 2026, isDefault: true });
    expect(res.statusCode, res.body).toBe(201);
    const cal = res.json();
    expect(cal).toMatchObject({ timeZone: 'Asia/Shanghai', alwaysOpen: false, isDefault: true, week: WEEK });
    expect(cal.days).toHaveLength(39);
    expect(cal.days.filter((d: { kind: string }) => d.kind === 'workday').map((d: { day: string }) => d.day)).toEqual([
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
    ]);
    // Saturday 02-14 17:00 Beijing + 2 h → Tuesday 02-24 10:00 (02-15…02-23 off)
    const p = await t.api(supervisor.token, 'GET', `/api/v1/calendars/${cal.id}/preview?from=2026-02-14T09:00:00Z&minutes=120`);
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json()).toMatchObject({ due: '2026-02-24T02:00:00.000Z', workingNow: true });

    const list = (await t.api(supervisor.token, 'GET', '/api/v1/calendars')).json().items;
    expect(list).toEqual([expect.objectContaining({ name: '工作日 9:00–18:00（午休 12:00–13:30）', isDefault: true, holidayCount: 33, workdayCount: 6 })]);
    expect((await t.api(other.adminToken, 'GET', `/api/v1/calendars/${cal.id}`)).statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'GET', '/api/v1/calendars')).json().items).toEqual([]);
  });

  it('keeps one default per tenant, and calendarSpec falls back to it, then to 7×24', async () => {
    const hotline = await post(acme.adminToken, '/api/v1/calendars', { name: '7×24 热线', alwaysOpen: true, week: { ...WEEK, '1': ALL_DAY } });
    expect(hotline.statusCode, hotline.body).toBe(201);
    const office = (await t.api(acme.adminToken, 'GET', '/api/v1/calendars')).json().items.find((c: { isDefault: boolean }) => c.isDefault);
    const spec = await t.db.tenant(acme.id, (q) => calendarSpec(q, null));
    expect(spec).toMatchObject({ id: office.id, timeZone: 'Asia/Shanghai' });
    expect(spec.days).toHaveLength(39);
    expect(await t.db.tenant(acme.id, (q) => calendarSpec(q, hotline.json().id))).toMatchObject({ alwaysOpen: true, name: '7×24 热线' });
    // Friday 2026-02-13 17:00 Beijing + 120 working minutes → Saturday 02-14 10:00 (调休上班)
    expect(addBusinessMinutes(spec, new Date('2026-02-13T09:00:00Z'), 120).toISOString()).toBe('2026-02-14T02:00:00.000Z');
    expect(await t.db.tenant(other.id, (q) => calendarSpec(q, null))).toBe(ALWAYS_OPEN);
    expect(await t.db.tenant(other.id, (q) => calendarSpec(q, office.id))).toBe(ALWAYS_OPEN); // another tenant's calendar is invisible

    // making the hotline the default takes the mark from the office calendar
    const put = await t.api(acme.adminToken, 'PUT', `/api/v1/calendars/${hotline.json().id}`, { name: '7×24 热线', alwaysOpen: true, isDefault: true });
    expect(put.statusCode, put.body).toBe(200);
    const items = (await t.api(acme.adminToken, 'GET', '/api/v1/calendars')).json().items;
    expect(items.map((c: { name: string; isDefault: boolean }) => [c.name, c.isDefault])).toEqual([['7×24 热线', true], ['工作日 9:00–18:00（午休 12:00–13:30）', false]]);
    expect((await t.db.tenant(acme.id, (q) => calendarSpec(q, null))).alwaysOpen).toBe(true);
    // and back; the spec cache sees the change
    expect((await t.api(acme.adminToken, 'PUT', `/api/v1/calendars/${office.id}`, { name: office.name, week: WEEK, isDefault: true })).statusCode).toBe(200);
    const again = await t.db.tenant(acme.id, (q) => calendarSpec(q, null));
    expect(again.id).toBe(office.id);
    expect(again.days).toHaveLength(39); // PUT without days kept them
  });

  it('lets admins write and supervisors only read; agents neither', async () => {
    expect((await post(supervisor.token, '/api/v1/calendars', { name: '主管建的' })).statusCode).toBe(403);
    expect((await t.api(agent.token, 'GET', '/api/v1/calendars')).statusCode).toBe(403);
    const id = (await t.api(supervisor.token, 'GET', '/api/v1/calendars')).json().items[0].id;
    expect((await t.api(supervisor.token, 'GET', `/api/v1/calendars/${id}/export?format=ics`)).statusCode).toBe(200);
    expect((await t.api(supervisor.token, 'DELETE', `/api/v1/calendars/${id}`)).statusCode).toBe(403);
    expect((await t.api(supervisor.token, 'POST', `/api/v1/calendars/${id}/import?format=json`, [])).statusCode).toBe(403);
  });

  it('validates intervals, zones, days and names with stable codes and the field to fix', async () => {
    const bad = async (body: Record<string, unknown>) => (await post(acme.adminToken, '/api/v1/calendars', { name: '校验', ...body })).json().error;
    expect(await bad({ week: { ...WEEK, '3': [['09:00', '12:00'], ['11:30', '18:00']] } })).toMatchObject({ code: 'CALENDAR_INTERVALS_OVERLAP', field: 'week.3.1' });
    expect(await bad({ week: { ...WEEK, '2': [['9点', '12:00']] } })).toMatchObject({ code: 'CALENDAR_INVALID_INTERVAL', field: 'week.2.0' });
    expect(await bad({ week: { ...WEEK, '2': [['18:00', '09:00']] } })).toMatchObject({ code: 'CALENDAR_INVALID_INTERVAL', field: 'week.2.0' });
    expect(await bad({ timeZone: 'Asia/Beijing' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'timeZone' });
    expect(await bad({ week: { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] } })).toMatchObject({ code: 'CALENDAR_NO_WORKING_TIME', field: 'week' });
    const day = { day: '2026-06-01', kind: 'holiday', name: '儿童节' };
    expect(await bad({ days: [day, day] })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'days.1.day' });
    expect(await bad({ days: [{ ...day, day: '2026-02-30' }] })).toMatchObject({ field: 'days.0.day' });
    expect(await bad({ colour: 'red' })).toMatchObject({ code: 'VALIDATION_FAILED' });
    const dup = await post(acme.adminToken, '/api/v1/calendars', { name: '7×24 热线', alwaysOpen: true });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('name');
    expect((await post(acme.adminToken, '/api/v1/calendars/from-builtin', { name: '2025', year: 2025 })).statusCode).toBe(400);
    const cal = (await post(acme.adminToken, '/api/v1/calendars', { name: '纽约分部', timeZone: 'America/New_York' })).json();
    expect(cal.week).toEqual(WEEK);
    const p = await t.api(acme.adminToken, 'GET', `/api/v1/calendars/${cal.id}/preview?from=2026-03-06T22:00:00Z&minutes=120`);
    // Friday 17:00 EST + 2 h: 1 h Friday, Monday 09:00 EDT (13:00Z) + 1 h
    expect(p.json().due).toBe('2026-03-09T14:00:00.000Z');
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/calendars/${cal.id}/preview?minutes=-5`)).statusCode).toBe(400);
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/calendars/${cal.id}`)).statusCode).toBe(204);
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/calendars/${cal.id}`)).statusCode).toBe(404);
  });

  it('exports ICS and JSON and imports them back; a bad file changes nothing and lists its lines', async () => {
    const office = (await t.api(acme.adminToken, 'GET', '/api/v1/calendars')).json().items.find((c: { name: string }) => c.name.startsWith('工作日'));
    const ics = await t.api(acme.adminToken, 'GET', `/api/v1/calendars/${office.id}/export?format=ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.headers['content-disposition']).toContain('.ics');
    expect(ics.body).toContain('BEGIN:VEVENT\r\n');
    expect(ics.body).toContain('SUMMARY:春节调休上班');
    const json = await t.api(acme.adminToken, 'GET', `/api/v1/calendars/${office.id}/export?format=json`);
    expect(json.json()).toMatchObject({ format: 'gongdan.calendar', name: office.name, week: WEEK });

    const target = (await post(acme.adminToken, '/api/v1/calendars', { name: '导入测试' })).json();
    const imp = await t.api(acme.adminToken, 'POST', `/api/v1/calendars/${target.id}/import?format=ics`, ics.body, { 'content-type': 'text/calendar' });
    expect(imp.statusCode, imp.body).toBe(200);
    expect(imp.json().imported).toBe(39);
    expect(imp.json().calendar.days).toEqual(json.json().days);

    const bad = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261301\r\nSUMMARY:坏\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:无日期\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const refused = await t.api(acme.adminToken, 'POST', `/api/v1/calendars/${target.id}/import?format=ics`, bad, { 'content-type': 'text/calendar' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('CALENDAR_IMPORT_INVALID');
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['line 3', 'line 6']);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/calendars/${target.id}`)).json().days).toHaveLength(39);

    const jsonImp = await t.api(acme.adminToken, 'POST', `/api/v1/calendars/${target.id}/import?format=json`, [{ day: '2026-06-01', kind: 'holiday', name: '儿童节' }]);
    expect(jsonImp.statusCode, jsonImp.body).toBe(200);
    expect(jsonImp.json().calendar.days).toEqual([{ day: '2026-06-01', kind: 'holiday', name: '儿童节', hours: null }]);
    // the console sends the file's text as a JSON string
    const asString = await t.api(acme.adminToken, 'POST', `/api/v1/calendars/${target.id}/import?format=ics`, JSON.stringify(ics.body));
    expect(asString.statusCode, asString.body).toBe(200);
    expect(asString.json().imported).toBe(39);
    const jsonAsString = await t.api(acme.adminToken, 'POST', `/api/v1/calendars/${target.id}/import?format=json`, JSON.stringify(JSON.stringify([{ day: '2026-06-01', kind: 'holiday', name: '儿童节' }])));
    expect(jsonAsString.json().imported).toBe(1);
    const jsonBad = await t.api(acme.adminToken, 'POST', `/api/v1/calendars/${target.id}/import?format=json`, '{"days": [\n {"day": "2026-06-02", "kind": "假期"}\n]}', { 'content-type': 'text/plain' });
    expect(jsonBad.json().error).toMatchObject({ code: 'CALENDAR_IMPORT_INVALID', details: [expect.objectContaining({ field: 'line 2' })] });
  });
});
