import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { created, ok, Uuid } from '../../platform/http/schemas';
import { listTenants } from './list-tenants';
import { checkOperatorToken } from './operator-token';
import { provisionTenant } from './provision-tenant';

const Tenant = z.object({ id: Uuid, slug: z.string(), name: z.string(), adminEmail: z.string() }).meta({ id: 'OperatorTenant' });
const TenantSummary = z.object({
  id: Uuid,
  slug: z.string(),
  name: z.string(),
  timeZone: z.string().nullable(),
  users: z.number().int(),
  tickets: z.number().int(),
  createdAt: z.string().describe('ISO-8601 date-time'),
});

const CreateTenantBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  slug: z.string().max(40).optional().describe('1–40 lowercase letters, digits or dashes; derived from the name when absent'),
  adminEmail: z.email({ message: 'must be an email address' }).max(320),
  adminPassword: z.string().max(1024).describe('At least 8 characters with letters and digits'),
  adminName: z.string().min(1).max(200).optional(),
  timeZone: z.string().max(64).optional().describe('IANA time zone, default Asia/Shanghai'),
});

/**
 * The platform operator API: not a tenant user but whoever holds OPERATOR_TOKEN. The routes are public
 * to the tenant auth hook and check the operator token themselves, in onRequest — before the body is
 * validated, so nothing about the API is revealed to callers without the token. With no token
 * configured the API does not exist (404).
 */
export function operatorRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const enabled = deps.operatorToken !== '';

  const requireOperator = async (req: FastifyRequest) => {
    switch (checkOperatorToken(deps.operatorToken, req.headers.authorization)) {
      case 'ok':
        return;
      case 'disabled':
        throw new AppError('NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`);
      case 'missing':
        throw new AppError('UNAUTHENTICATED', 'The operator API needs "Authorization: Bearer <OPERATOR_TOKEN>"');
      case 'wrong':
        throw new AppError('UNAUTHENTICATED', 'The operator token is wrong');
    }
  };
  const common = { config: { public: true }, onRequest: requireOperator } as const;
  // the operator token is sent as an HTTP bearer token (the same scheme as tenant credentials)
  const security = [{ bearer: [] }];

  r.post('/api/v1/operator/tenants', {
    ...common,
    schema: {
      hide: !enabled,
      tags: ['operator'],
      summary: 'Create a tenant with its first administrator (operator token)',
      security,
      body: CreateTenantBody,
      response: created(Tenant),
    },
    handler: async (req, reply) => reply.status(201).send(await provisionTenant(deps, req.body)),
  });

  r.get('/api/v1/operator/tenants', {
    ...common,
    schema: {
      hide: !enabled,
      tags: ['operator'],
      summary: 'List every tenant with its number of users and tickets (operator token)',
      security,
      response: ok(z.object({ items: z.array(TenantSummary) })),
    },
    handler: async () => ({ items: await listTenants(deps) }),
  });
}
