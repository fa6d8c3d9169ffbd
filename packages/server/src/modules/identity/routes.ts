import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf, SESSION_COOKIE } from '../../platform/http/auth';
import { created, ErrorBody, IdParams, Limit, listParam, noContent, ok, Uuid } from '../../platform/http/schemas';
import { ROLES, SCOPES } from './actor';
import { signOut } from './authenticate';
import { createApiKey, listApiKeys, revokeApiKey } from './manage-api-keys';
import { createTeam, listTeams, updateTeam } from './manage-teams';
import { createUser, getUser, listUsers, updateUser } from './manage-users';
import { getCurrentTenant, updateCurrentTenant } from './manage-tenant';
import { LANGUAGES } from './tenant-settings';
import { signIn } from './sign-in';
import type { UserRow } from './user-repository';
import type { TeamRow } from './team-repository';
import type { ApiKeyRow } from './credential-repository';

const Role = z.enum(ROLES);
const Scope = z.enum(SCOPES);
const userView = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  phone: u.phone,
  role: u.role,
  scope: u.scope,
  locale: u.locale,
  active: u.active,
  contactId: u.contact_id,
  teamIds: u.team_ids ?? [],
  createdAt: u.created_at.toISOString(),
});
const UserSchema = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    role: Role,
    scope: Scope,
    locale: z.string(),
    active: z.boolean(),
    contactId: Uuid.nullable().describe('Customers: the contact whose tickets they see'),
    teamIds: z.array(Uuid),
    createdAt: z.string().describe('ISO-8601 date-time'),
  })
  .meta({ id: 'User' });
const TeamSchema = z
  .object({ id: Uuid, name: z.string(), description: z.string(), skills: z.array(z.string()), memberIds: z.array(Uuid), createdAt: z.string().describe('ISO-8601 date-time') })
  .meta({ id: 'Team' });
const MeSchema = z
  .object({
    type: z.enum(['user', 'api_key', 'system']),
    id: z.string().nullable(),
    name: z.string(),
    role: Role,
    scope: Scope,
    teamIds: z.array(z.string()),
    contactId: z.string().nullable(),
    tenantId: Uuid,
  })
  .meta({ id: 'Me' });
const teamView = (t: TeamRow) => ({ id: t.id, name: t.name, description: t.description, skills: t.skills, memberIds: t.member_ids, createdAt: t.created_at.toISOString() });
const Iso = z.string().describe('ISO-8601 date-time');
const ApiKeySchema = z
  .object({
    id: Uuid,
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to recognise it'),
    role: z.enum(['admin', 'supervisor', 'agent']),
    createdBy: Uuid.nullable().describe('The user who created the key'),
    createdAt: Iso,
    lastUsedAt: Iso.nullable(),
    revokedAt: Iso.nullable(),
  })
  .meta({ id: 'ApiKey' });
const CreatedApiKeySchema = ApiKeySchema.extend({ key: z.string().describe('The key itself: shown this once, only its hash is stored') }).meta({ id: 'CreatedApiKey' });
const apiKeyView = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  role: k.role as 'admin' | 'supervisor' | 'agent',
  createdBy: k.created_by,
  createdAt: k.created_at.toISOString(),
  lastUsedAt: k.last_used_at?.toISOString() ?? null,
  revokedAt: k.revoked_at?.toISOString() ?? null,
});
const Locale = z.enum(['zh-CN', 'en-US']);
const Language = z.enum(LANGUAGES);
const LogoUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000);
const TenantSchema = z
  .object({
    id: Uuid,
    slug: z.string(),
    name: z.string(),
    settings: z.object({
      timeZone: z.string().describe('IANA time zone'),
      languages: z.array(Language),
      defaultLanguage: Language,
      logoUrl: z.string().nullable(),
    }),
    createdAt: z.string(),
  })
  .meta({ id: 'Tenant' });

export function identityRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/auth/login', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Sign in: sets a session cookie and returns a bearer token',
      description:
        'Failed sign-ins are counted per account and client address, per address and per account (docs/SECURITY.md): a pair or address over its allowance ' +
        'answers 429 RATE_LIMITED with Retry-After until its wait is over; failures for an account from many addresses only delay answers.',
      body: z.strictObject({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024), tenant: z.string().max(64).optional() }),
      response: { ...ok(), 429: ErrorBody },
    },
    handler: async (req, reply) => {
      // req.ip: the socket's peer, or the forwarded client when Fastify's trustProxy is configured
      const res = await signIn(deps, req.body, { address: req.ip });
      reply.setCookie(SESSION_COOKIE, res.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.cookieSecure, expires: res.expiresAt });
      return { token: res.token, expiresAt: res.expiresAt.toISOString(), user: res.user };
    },
  });

  r.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out (ends the session)', response: noContent() } }, async (req, reply) => {
    if (req.authToken?.startsWith('gds_')) await signOut(deps, req.authToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'Who am I', response: ok(MeSchema) } }, async (req) => {
    const a = actorOf(req);
    return { type: a.type, id: a.id, name: a.name, role: a.role, scope: a.scope, teamIds: a.teamIds, contactId: a.contactId, tenantId: a.tenantId };
  });

  r.get('/api/v1/tenant', {
    schema: { tags: ['tenant'], summary: 'The current tenant: slug, name and settings (defaults filled in)', response: ok(TenantSchema) },
    handler: async (req) => getCurrentTenant(deps, actorOf(req)),
  });
  r.patch('/api/v1/tenant', {
    schema: {
      tags: ['tenant'],
      summary: 'Rename the tenant or change its settings (admin); settings not given stay as they are',
      body: z.strictObject({
        name: z.string().trim().min(1).max(200).optional(),
        settings: z
          .strictObject({
            timeZone: z.string().max(64).optional().describe('IANA time zone, e.g. Asia/Shanghai'),
            languages: z.array(Language).min(1).max(LANGUAGES.length).optional().describe('Languages the console and portal offer'),
            defaultLanguage: Language.optional().describe('One of languages'),
            logoUrl: LogoUrl.nullable().optional().describe('http(s) URL of the logo; null removes it'),
          })
          .optional(),
      }),
      response: ok(TenantSchema),
    },
    handler: async (req) => updateCurrentTenant(deps, actorOf(req), req.body),
  });

  r.get('/api/v1/users', {
    schema: {
      tags: ['users'],
      summary: 'Users by name or email (q), role, or ids (staff)',
      querystring: z.strictObject({
        role: Role.optional(),
        q: z.string().max(200).optional(),
        ids: listParam(Uuid, 200).describe('Only these users (at most 200, comma separated or repeated), all of them whatever the limit; unknown ids are left out'),
        limit: Limit(500, 100),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: ok(z.object({ items: z.array(UserSchema) })),
    },
    handler: async (req) => ({ items: (await listUsers(deps, actorOf(req), req.query)).map(userView) }),
  });
  r.post('/api/v1/users', {
    schema: {
      tags: ['users'],
      summary: 'Create a user (admin)',
      body: z.strictObject({
        email: z.email().max(320),
        name: z.string().min(1).max(200),
        role: Role,
        scope: Scope.optional(),
        phone: z.string().max(40).optional(),
        password: z.string().max(1024).optional(),
        locale: Locale.optional(),
        teamIds: z.array(Uuid).max(50).optional(),
        contactId: Uuid.optional(),
      }),
      response: created(UserSchema),
    },
    handler: async (req, reply) => reply.status(201).send(userView(await createUser(deps, actorOf(req), req.body))),
  });
  r.get('/api/v1/users/:id', { schema: { tags: ['users'], params: IdParams, response: ok(UserSchema) } }, async (req) => userView(await getUser(deps, actorOf(req), req.params.id)));
  r.patch('/api/v1/users/:id', {
    schema: {
      tags: ['users'],
      params: IdParams,
      body: z.strictObject({
        name: z.string().min(1).max(200).optional(),
        phone: z.string().max(40).optional(),
        role: Role.optional(),
        scope: Scope.optional(),
        locale: Locale.optional(),
        active: z.boolean().optional(),
        password: z.string().max(1024).optional(),
        teamIds: z.array(Uuid).max(50).optional().describe("The user's teams, replacing the current memberships (admin)"),
      }),
      response: ok(UserSchema),
    },
    handler: async (req) => userView(await updateUser(deps, actorOf(req), req.params.id, req.body)),
  });

  const TeamBody = {
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    skills: z.array(z.string().min(1).max(64)).max(100).optional(),
    memberIds: z.array(Uuid).max(1000).optional(),
  };
  r.get('/api/v1/teams', { schema: { tags: ['teams'], response: ok(z.object({ items: z.array(TeamSchema) })) } }, async (req) => ({ items: (await listTeams(deps, actorOf(req))).map(teamView) }));
  r.post('/api/v1/teams', { schema: { tags: ['teams'], summary: 'Create a team / skill group (admin)', body: z.strictObject(TeamBody), response: created(TeamSchema) } }, async (req, reply) =>
    reply.status(201).send(teamView(await createTeam(deps, actorOf(req), req.body))),
  );
  r.patch('/api/v1/teams/:id', { schema: { tags: ['teams'], params: IdParams, body: z.strictObject(TeamBody).partial(), response: ok(TeamSchema) } }, async (req) =>
    teamView(await updateTeam(deps, actorOf(req), req.params.id, req.body)),
  );

  r.get('/api/v1/api-keys', {
    schema: { tags: ['api-keys'], summary: 'The API keys of the tenant, newest first, revoked ones included (admin); never the keys themselves', response: ok(z.object({ items: z.array(ApiKeySchema) })) },
    handler: async (req) => ({ items: (await listApiKeys(deps, actorOf(req))).map(apiKeyView) }),
  });
  r.post('/api/v1/api-keys', {
    schema: {
      tags: ['api-keys'],
      summary: 'Create an API key (admin); the key is shown once',
      body: z.strictObject({ name: z.string().min(1).max(200), role: z.enum(['admin', 'supervisor', 'agent']).default('agent') }),
      response: created(CreatedApiKeySchema),
    },
    handler: async (req, reply) => {
      const k = await createApiKey(deps, actorOf(req), req.body);
      return reply.status(201).send({ ...apiKeyView(k), key: k.key });
    },
  });
  r.delete('/api/v1/api-keys/:id', { schema: { tags: ['api-keys'], summary: 'Revoke an API key (admin)', params: IdParams, response: noContent() } }, async (req, reply) => {
    await revokeApiKey(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });
}
