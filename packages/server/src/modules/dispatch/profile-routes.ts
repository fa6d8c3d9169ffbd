import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { noContent, ok } from '../../platform/http/schemas';
import { sendToUsers } from '../live';
import { getProfile } from './profiles/get-profile';
import { getVocabulary } from './profiles/get-vocabulary';
import { listProfiles } from './profiles/list-profiles';
import { ProfileBody, ProfileList, ProfileSchema, LocationBody, LocationNotStored, SkillMatrixBody, SkillMatrixResult, StatusBody, StatusResult, UserParams } from './profiles/profile-schemas';
import { reportLocation, type AnnouncePosition } from './profiles/report-location';
import { setMyStatus } from './profiles/set-my-status';
import { settingsRoutes } from './profiles/settings-routes';
import { skillImportRoute } from './profiles/skill-import-route';
import { updateProfile } from './profiles/update-profile';
import { updateSkillMatrix } from './profiles/update-skill-matrix';
import { VocabularySchema } from './profiles/vocabulary-schemas';

// Dispatch profiles over HTTP: people's skills, areas, shifts and capacity, the skill matrix, each
// person's own status and position, and the tenant's outlets, rules, policies and customer preferences.

export function dispatchProfileRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dispatch'];
  r.get('/api/v1/dispatch/profiles', {
    schema: { tags, summary: 'Every active staff member with their dispatch profile; people without one show the defaults (admins and supervisors)', response: ok(ProfileList) },
    handler: async (req) => ({ items: await listProfiles(deps, actorOf(req)) }),
  });
  r.get('/api/v1/dispatch/profiles/:userId', {
    schema: { tags, summary: "A person's dispatch profile (admins and supervisors; agents and engineers their own)", params: UserParams, response: ok(ProfileSchema) },
    handler: async (req) => getProfile(deps, actorOf(req), req.params.userId),
  });
  r.put('/api/v1/dispatch/profiles/:userId', {
    schema: { tags, summary: "Set fields of a person's dispatch profile; fields left out keep their value, shift and capacity merge field by field, null clears (admins and supervisors)", params: UserParams, body: ProfileBody, response: ok(ProfileSchema) },
    handler: async (req) => updateProfile(deps, actorOf(req), req.params.userId, req.body),
  });
  r.patch('/api/v1/dispatch/skill-matrix', {
    schema: { tags, summary: 'Set (level 1–5) or remove (null) skills of several people at once: all changes or none (admins and supervisors)', body: SkillMatrixBody, response: ok(SkillMatrixResult) },
    handler: async (req) => updateSkillMatrix(deps, actorOf(req), req.body.changes),
  });
  skillImportRoute(app, deps);
  r.get('/api/v1/dispatch/vocabulary', {
    schema: {
      tags,
      summary: "The skills, certifications, regions, product lines and languages the tenant's active people hold, with how many hold each (admins and supervisors)",
      description: 'Each list is sorted by people, most first, then by name. A certification also says how many hold it valid today (the tenant\'s day). People without a dispatch profile count as speaking zh, as dispatch reads them.',
      response: ok(VocabularySchema),
    },
    handler: async (req) => getVocabulary(deps, actorOf(req)),
  });
  r.put('/api/v1/me/dispatch-status', {
    schema: { tags, summary: 'Say whether you take work now: available 在线, busy 忙碌, away 离开, off_shift 下班 (hands back unstarted work)', body: StatusBody, response: ok(StatusResult) },
    handler: async (req) => setMyStatus(deps, actorOf(req), req.body.status),
  });
  const announce: AnnouncePosition = (tenantId, m) => {
    try {
      sendToUsers(app.live, tenantId, null, m);
    } catch (err) {
      app.log.error({ err }, 'dispatch: could not send a position live');
    }
  };
  r.post('/api/v1/me/location', {
    schema: {
      tags,
      summary: "Your phone's position (engineers, and agents with a field capacity of their own; others 403 DISPATCH_NOT_ON_SITE)",
      description:
        'Stored and sent live to the dispatchers: 204. A fix older than the one stored (phones resend out of order) is not kept: 200 `{"stored": false, "reason": "older"}`. ' +
        '`accuracy` / `at` may also be spelt `accuracyM` / `reportedAt`, as the board answers; not both. Exactly (0, 0) is a phone without a fix and refused (400 on `lat`).',
      body: LocationBody,
      response: { ...noContent(), 200: LocationNotStored },
    },
    handler: async (req, reply) => {
      const outcome = await reportLocation(deps, announce, actorOf(req), req.body);
      if (!outcome.stored) return reply.status(200).send(outcome);
      return reply.status(204).send();
    },
  });
  settingsRoutes(app, deps);
}
