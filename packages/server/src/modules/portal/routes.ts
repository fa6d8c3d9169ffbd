import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { ErrorBody, file, noContent, ok, Uuid } from '../../platform/http/schemas';
import { contentDisposition } from '../tickets';
import { downloadRequestFile } from './download-file';
import { setRequestStatus, replyToRequest } from './act-on-request';
import { getPortalConfig } from './get-portal-config';
import { helpArticle, helpCentre, rateHelpArticle, recordRequestStarted } from './help-centre';
import { getPortalSettings, savePortalSettings } from './manage-portal-settings';
import { myRequests, portalMe } from './my-requests';
import { multipartBody, PORTAL_FIELD_BYTES } from './multipart-body';
import { COOKIE, cookieToken, PORTAL_FILES, portalFileMax } from './portal-rules';
import { requestAccess } from './request-access';
import {
  AccessBody,
  ArticleParams,
  EventBody,
  HelpArticleSchema,
  HelpQuery,
  HelpSchema,
  RateBody,
  SessionQuery,
  MyRequestsSchema,
  PortalConfigSchema,
  PortalSettingsBody,
  PortalSettingsSchema,
  RateRequestBody,
  RefParams,
  ReopenBody,
  ReplyBody,
  SignedInSchema,
  SignInBody,
  SignInSentSchema,
  SlugParams,
  SubmitRequestBody,
  AssetParams,
  PortalAssetSchema,
  SubmittedRequestSchema,
  TrackedRequestSchema,
  VerifyBody,
} from './schemas';
import { requestSignIn, signOut, verifySignIn } from './sign-in';
import { submitRequest } from './submit-request';
import { scannedAsset } from './scanned-asset';
import { trackedView } from './track-request';
import { rateRequest } from './rate-request';

/** Requests carrying files (base64 in JSON): up to five files of the attachment limit. */
const FILES_BODY_LIMIT = 30 * 1048576;

const sessionOf = (req: FastifyRequest) => cookieToken(req.headers.cookie);

/** The tenant's public self-service portal (/api/v1/portal/{slug}/…, no staff sign-in) and its settings (admins). */
export function portalRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  const pub = { public: true };
  const limited = { 429: ErrorBody };

  r.get('/api/v1/portal-settings', {
    schema: { tags, summary: "The self-service portal's settings (admins)", response: ok(PortalSettingsSchema) },
    handler: async (req) => getPortalSettings(deps, actorOf(req)),
  });
  r.put('/api/v1/portal-settings', {
    bodyLimit: 1048576,
    schema: { tags, summary: "Set the portal's look (title, logo, colour, language), the web form channel it submits through and the categories it offers (admins)", body: PortalSettingsBody, response: ok(PortalSettingsSchema) },
    handler: async (req) => savePortalSettings(deps, actorOf(req), req.body),
  });

  r.get('/api/v1/portal/:slug', {
    config: pub,
    schema: { tags, summary: "A tenant's portal: name, logo, colour, language, the categories with their form fields, a form token", params: SlugParams, response: ok(PortalConfigSchema) },
    handler: async (req) => getPortalConfig(deps, req.params.slug),
  });
  r.get('/api/v1/portal/:slug/assets/:token', {
    config: pub,
    schema: { tags, summary: '扫码报修: the asset of a scanned QR label (its name, serial, model, address, owner) for the request form', params: AssetParams, response: ok(PortalAssetSchema) },
    handler: async (req) => scannedAsset(deps, req.params.slug, req.params.token),
  });
  // the forms with files: JSON (files base64) or multipart/form-data (the same fields, customFields as JSON
  // text, files as parts named "files"), read into one body before validation
  app.register(async (scope) => {
    const maxFileBytes = portalFileMax(deps.limits.attachmentMaxBytes);
    await scope.register(multipart, { limits: { fileSize: maxFileBytes, files: PORTAL_FILES, fields: 30, parts: 40, fieldSize: PORTAL_FIELD_BYTES } });
    scope.addHook('preValidation', async (req) => {
      if (req.isMultipart()) req.body = await multipartBody(req, { maxFileBytes, attachmentMaxBytes: deps.limits.attachmentMaxBytes });
    });
    const s = scope.withTypeProvider<ZodTypeProvider>();
    const consumes = ['application/json', 'multipart/form-data'];
    const tooLarge = { 413: ErrorBody };
    s.post('/api/v1/portal/:slug/requests', {
      config: pub,
      bodyLimit: FILES_BODY_LIMIT,
      schema: { tags, summary: 'Submit a request (through the web form channel): the ticket number and a query code, also sent by mail / SMS when given. JSON with files as base64, or multipart/form-data with the same fields (customFields as JSON text) and the files as parts named "files"', consumes, params: SlugParams, body: SubmitRequestBody, response: { 201: SubmittedRequestSchema, ...ok(), ...limited, ...tooLarge } },
      handler: async (req, reply) => reply.status(201).send(await submitRequest(deps, req.params.slug, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] })),
    });
    s.post('/api/v1/portal/:slug/requests/:ref/reply', {
      config: pub,
      bodyLimit: FILES_BODY_LIMIT,
      schema: { tags, summary: 'Reply to a request, with files (JSON with files as base64, or multipart/form-data with the files as parts named "files")', consumes, params: RefParams, body: ReplyBody, response: { ...ok(TrackedRequestSchema), ...limited, ...tooLarge } },
      handler: async (req) => {
        const a = await requestAccess(deps, req.params.slug, req.params.ref, { code: req.body.code, sessionToken: sessionOf(req) }, { ip: req.ip });
        await replyToRequest(deps, a, req.body);
        return trackedView(deps, a, req.body.locale ?? a.portal.settings.default_locale);
      },
    });
  });
  r.post('/api/v1/portal/:slug/requests/:ref/track', {
    config: pub,
    schema: { tags, summary: 'Follow a request with its number and query code (or as the signed-in customer): status, expected time, the public conversation', params: RefParams, body: AccessBody, response: { ...ok(TrackedRequestSchema), ...limited } },
    handler: async (req) => {
      const a = await requestAccess(deps, req.params.slug, req.params.ref, { code: req.body.code, sessionToken: sessionOf(req) }, { ip: req.ip });
      return trackedView(deps, a, req.body.locale ?? a.portal.settings.default_locale);
    },
  });
  r.get('/api/v1/portal/:slug/requests/:ref/files/:id', {
    config: pub,
    schema: { tags, summary: 'Download a file of a request the customer may see (with the query code, or signed in)', params: RefParams.extend({ id: Uuid }), querystring: AccessBody.pick({ code: true }), response: { ...file('The file', ['*/*']), ...limited } },
    handler: async (req, reply) => {
      const a = await requestAccess(deps, req.params.slug, req.params.ref, { code: req.query.code, sessionToken: sessionOf(req) }, { ip: req.ip });
      const f = await downloadRequestFile(deps, a, req.params.id);
      return reply
        .header('content-type', f.contentType)
        .header('content-length', f.size)
        .header('content-disposition', contentDisposition(f.filename, f.contentType))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(f.body);
    },
  });
  r.post('/api/v1/portal/:slug/requests/:ref/confirm', {
    config: pub,
    schema: { tags, summary: 'Confirm a solved request is fixed (it closes)', params: RefParams, body: AccessBody, response: { ...ok(TrackedRequestSchema), ...limited } },
    handler: async (req) => {
      const a = await requestAccess(deps, req.params.slug, req.params.ref, { code: req.body.code, sessionToken: sessionOf(req) }, { ip: req.ip });
      await setRequestStatus(deps, a, 'closed');
      return trackedView(deps, a, req.body.locale ?? a.portal.settings.default_locale);
    },
  });
  r.post('/api/v1/portal/:slug/requests/:ref/rate', {
    config: pub,
    schema: { tags, summary: "Answer the solved request's satisfaction survey (1–5 stars, NPS when asked, a comment)", params: RefParams, body: RateRequestBody, response: { ...ok(TrackedRequestSchema), ...limited } },
    handler: async (req) => {
      const a = await requestAccess(deps, req.params.slug, req.params.ref, { code: req.body.code, sessionToken: sessionOf(req) }, { ip: req.ip });
      await rateRequest(deps, a, req.body);
      return trackedView(deps, a, req.body.locale ?? a.portal.settings.default_locale);
    },
  });
  r.post('/api/v1/portal/:slug/requests/:ref/reopen', {
    config: pub,
    schema: { tags, summary: 'Reopen a solved request (with an optional message)', params: RefParams, body: ReopenBody, response: { ...ok(TrackedRequestSchema), ...limited } },
    handler: async (req) => {
      const a = await requestAccess(deps, req.params.slug, req.params.ref, { code: req.body.code, sessionToken: sessionOf(req) }, { ip: req.ip });
      await setRequestStatus(deps, a, 'open', req.body.body);
      return trackedView(deps, a, req.body.locale ?? a.portal.settings.default_locale);
    },
  });

  r.post('/api/v1/portal/:slug/sign-in', {
    config: pub,
    schema: { tags, summary: 'Send a sign-in link by mail or a code by SMS (the same answer whether or not the address is known)', params: SlugParams, body: SignInBody, response: { ...ok(SignInSentSchema), ...limited } },
    handler: async (req) => requestSignIn(deps, req.params.slug, req.body, { ip: req.ip }),
  });
  r.post('/api/v1/portal/:slug/sign-in/verify', {
    config: pub,
    schema: { tags, summary: "Sign in with the emailed link's token or the code: sets the portal's session cookie", params: SlugParams, body: VerifyBody, response: { ...ok(SignedInSchema), ...limited } },
    handler: async (req, reply) => {
      const res = await verifySignIn(deps, req.params.slug, req.body, { ip: req.ip });
      reply.setCookie(COOKIE, res.token, { path: `/api/v1/portal/${encodeURIComponent(res.slug)}`, httpOnly: true, sameSite: 'lax', secure: deps.cookieSecure, maxAge: res.maxAgeSeconds });
      return { name: res.name };
    },
  });
  r.post('/api/v1/portal/:slug/sign-out', {
    config: pub,
    schema: { tags, summary: "End the customer's portal session", params: SlugParams, response: noContent() },
    handler: async (req, reply) => {
      await signOut(deps, req.params.slug, sessionOf(req));
      reply.clearCookie(COOKIE, { path: `/api/v1/portal/${encodeURIComponent(req.params.slug.toLowerCase())}` }); // any slug a client sends is a valid cookie path once encoded
      return reply.status(204).send();
    },
  });
  r.get('/api/v1/portal/:slug/me', {
    config: pub,
    schema: { tags, summary: 'The signed-in customer (401 when signed out)', params: SlugParams, response: ok(SignedInSchema) },
    handler: async (req) => portalMe(deps, req.params.slug, sessionOf(req)),
  });
  r.get('/api/v1/portal/:slug/my/requests', {
    config: pub,
    schema: { tags, summary: "The signed-in customer's requests from every channel", params: SlugParams, querystring: AccessBody.pick({ locale: true }), response: ok(MyRequestsSchema) },
    handler: async (req) => myRequests(deps, req.params.slug, sessionOf(req), req.query.locale),
  });

  r.get('/api/v1/portal/:slug/help', {
    config: pub,
    schema: { tags, summary: 'The help centre: knowledge categories and their most read articles, or search hits for q (public articles, and the signed-in customer\'s organization\'s)', params: SlugParams, querystring: HelpQuery, response: ok(HelpSchema) },
    handler: async (req) => helpCentre(deps, req.params.slug, { q: req.query.q, categoryId: req.query.categoryId, suggest: req.query.suggest === 'true', limit: req.query.limit }, { sessionId: req.query.session, sessionToken: sessionOf(req) }),
  });
  r.get('/api/v1/portal/:slug/help/articles/:id', {
    config: pub,
    schema: { tags, summary: 'A published article (counts a view, records the read for the deflection rate)', params: ArticleParams, querystring: SessionQuery, response: ok(HelpArticleSchema) },
    handler: async (req) => helpArticle(deps, req.params.slug, req.params.id, { sessionId: req.query.session, sessionToken: sessionOf(req) }),
  });
  r.post('/api/v1/portal/:slug/help/articles/:id/rating', {
    config: pub,
    schema: { tags, summary: 'Rate an article helpful or not, with a comment', params: ArticleParams, body: RateBody, response: { ...ok(z.object({ helpful: z.number(), notHelpful: z.number() })), ...limited } },
    handler: async (req) => rateHelpArticle(deps, req.params.slug, req.params.id, req.body, { sessionId: req.body.session, sessionToken: sessionOf(req), ip: req.ip }),
  });
  r.post('/api/v1/portal/:slug/events', {
    config: pub,
    schema: { tags, summary: 'The visitor began a request (for the deflection rate)', params: SlugParams, body: EventBody, response: noContent() },
    handler: async (req, reply) => {
      await recordRequestStarted(deps, req.params.slug, req.body.session);
      return reply.status(204).send();
    },
  });
}
