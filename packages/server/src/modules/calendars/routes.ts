import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { actorOf } from '../../platform/http/auth';
import { crudRoutes } from '../../platform/http/crud-routes';
import { bodyErrorResponses, created, file, IdParams, ok } from '../../platform/http/schemas';
import { decodeUtf8Strict, invalidText, textFault } from '../../platform/text/storable-text';
import { createCalendar } from './create-calendar';
import { createFromBuiltin } from './create-from-builtin';
import { deleteCalendar } from './delete-calendar';
import { exportCalendar } from './export-calendar';
import { getCalendar } from './get-calendar';
import { importCalendarDays } from './import-calendar-days';
import { listCalendars } from './list-calendars';
import { previewCalendar } from './preview-calendar';
import { CalendarBody, CalendarExportSchema, CalendarList, CalendarSchema, FormatQuery, FromBuiltinBody, ImportResult, PreviewQuery, PreviewResult } from './schemas';
import { updateCalendar } from './update-calendar';

const MAX_IMPORT_BYTES = 1024 * 1024;

/** 200: the ICS file, or the JSON export (documented with its schema) */
const icsFile = file('The calendar file: ICS (text/calendar) or the JSON export', ['text/calendar']);
const exportResponse = { ...icsFile, 200: { ...icsFile[200], content: { ...icsFile[200].content, 'application/json': { schema: CalendarExportSchema } } } };
const tags = ['calendars'];

function decode(body: unknown): string {
  if (typeof body === 'string') return body;
  if (!Buffer.isBuffer(body)) return JSON.stringify(body ?? null);
  const text = decodeUtf8Strict(body);
  if (text === null) throw invalid('body', 'The file is not UTF-8; save it as UTF-8 and import it again', 'not_utf8');
  const fault = textFault(text);
  if (fault) throw invalidText('body', fault);
  return text;
}

export function calendarRoutes(app: FastifyInstance, deps: Deps) {
  const cals = crudRoutes(app, deps, { path: '/api/v1/calendars', tag: 'calendars' });
  cals.list({ summary: 'Business calendars (工作日历), the default first (admins and supervisors)', response: CalendarList, run: async (deps, actor) => ({ items: await listCalendars(deps, actor) }) });
  cals.create({ summary: 'Add a business calendar (admins)', body: CalendarBody, response: CalendarSchema, run: createCalendar });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/calendars/from-builtin', {
    schema: { tags, summary: 'Add a calendar with the official China schedule of a year: 法定节假日 and 调休 workdays (admins)', body: FromBuiltinBody, response: created(CalendarSchema) },
    handler: async (req, reply) => reply.status(201).send(await createFromBuiltin(deps, actorOf(req), req.body)),
  });
  cals.get({ summary: 'One calendar with its holidays and 调休 workdays (admins and supervisors)', response: CalendarSchema, run: getCalendar });
  r.put('/api/v1/calendars/:id', {
    schema: { tags, summary: 'Replace a calendar (admins); days omitted keeps its days', params: IdParams, body: CalendarBody, response: ok(CalendarSchema) },
    handler: async (req) => updateCalendar(deps, actorOf(req), req.params.id, req.body),
  });
  cals.remove({ summary: 'Delete a calendar (admins); SLA policies on it use the default calendar', run: deleteCalendar });
  r.get('/api/v1/calendars/:id/export', {
    schema: {
      tags,
      summary: 'Export a calendar: ICS (a VEVENT per holiday / 调休 workday) or JSON (admins and supervisors)',
      params: IdParams,
      querystring: FormatQuery,
      response: exportResponse,
    },
    handler: async (req, reply) => {
      const f = await exportCalendar(deps, actorOf(req), req.params.id, req.query.format);
      const fallback = f.filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
      return reply
        .header('content-type', f.contentType)
        .header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(f.body as never); // already serialised (ICS text or the JSON export)
    },
  });
  app.register(async (scope) => {
    for (const type of ['text/calendar', 'text/plain'])
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/calendars/:id/import', {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary:
          'Replace the holidays and 调休 workdays of a calendar from an ICS (text/calendar) or JSON (application/json) body (admins). ' +
          'All or nothing: problems answer 400 CALENDAR_IMPORT_INVALID with each problem and its line number in details',
        params: IdParams,
        querystring: FormatQuery,
        consumes: ['text/calendar', 'text/plain', 'application/json'],
        body: z.unknown().meta({ type: 'string' }),
        response: { ...ok(ImportResult), ...bodyErrorResponses },
      },
      handler: async (req) => importCalendarDays(deps, actorOf(req), req.params.id, req.query.format, decode(req.body)),
    });
  });
  r.get('/api/v1/calendars/:id/preview', {
    schema: { tags, summary: 'When a target of `minutes` working minutes from `from` (default now) ends on this calendar (admins and supervisors)', params: IdParams, querystring: PreviewQuery, response: ok(PreviewResult) },
    handler: async (req) => previewCalendar(deps, actorOf(req), req.params.id, req.query),
  });
}
