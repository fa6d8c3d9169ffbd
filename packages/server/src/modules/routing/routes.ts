import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { ok } from '../../platform/http/schemas';
import { getDayRoute } from './get-day-route';
import { listDayPlans } from './list-day-plans';
import { planTeam } from './plan-team';
import { DayPlansQuery, DayRouteList, DayRouteQuery, DayRouteSchema, PlanTeamBody, TeamPlanSchema } from './schemas';

export function routingRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['routing'];
  r.get('/api/v1/routes/day', {
    schema: { tags, summary: "An engineer's day route (路线): visits in order with times, the break, km; planned now if not yet (admins, supervisors; engineers their own)", querystring: DayRouteQuery, response: ok(DayRouteSchema) },
    handler: async (req) => getDayRoute(deps, actorOf(req), req.query.userId, req.query.date),
  });
  r.get('/api/v1/routes/plans', {
    schema: { tags, summary: 'The stored day routes of every engineer on a day, for the dispatch map (admins, supervisors and agents, like the board)', querystring: DayPlansQuery, response: ok(DayRouteList) },
    handler: async (req) => listDayPlans(deps, actorOf(req), req.query.date),
  });
  r.post('/api/v1/routes/plan-team', {
    schema: { tags, summary: "Plan the day of a team's engineers together: jobs shared out with skills respected (admins and supervisors)", body: PlanTeamBody, response: ok(TeamPlanSchema) },
    handler: async (req) => planTeam(deps, actorOf(req), req.body),
  });
}
