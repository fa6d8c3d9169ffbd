import type { FastifyInstance } from 'fastify';
import { systemClock, type Clock } from './platform/clock';
import type { Config } from './platform/config';
import { TransactionCoalescer } from './platform/db/coalesced-transactions';
import type { Database } from './platform/db/database';
import type { Deps } from './platform/deps';
import type { FileStore } from './platform/files/file-store';
import { localFileStore } from './platform/files/local-file-store';
import { buildServer, type RouteModule } from './platform/http/build-server';
import { webDistDir } from './platform/http/web-app';
import { catalogRoutes } from './modules/catalog/routes';
import { customerRoutes } from './modules/customers/routes';
import { authenticate } from './modules/identity';
import { identityRoutes } from './modules/identity/routes';
import { liveRoutes } from './modules/live';
import { notificationRoutes } from './modules/notifications/routes';
import { operatorRoutes } from './modules/operator/routes';
import { replyTemplateRoutes } from './modules/reply-templates';
import { kbSearchRoutes } from './modules/kb-search';
import { collaborationRoutes } from './modules/tickets/collaboration-routes';
import { ticketRoutes } from './modules/tickets/routes';
import { viewRoutes } from './modules/views';
import { alarmsOfAsset, CHANNEL_PLUGINS, intakeRoutes } from './modules/intake';
import { assetForTicket, assetRoutes } from './modules/assets';
import { cacheFor, intelligenceRoutes, ticketEnricher } from './modules/intelligence';
import { assertNotTakenAway, dispatchProfileRoutes, handAssignment, offersOf } from './modules/dispatch';
import { slaRoutes } from './modules/sla';
import { automationRoutes } from './modules/automation';
import { importRoutes } from './modules/imports';
import { calendarRoutes } from './modules/calendars';
import { contactExists } from './modules/customers';
import { moveRequesterTickets } from './modules/tickets';
import { assignmentRoutes } from './modules/dispatch';
import { deliveryRoutes } from './modules/delivery';
import { portalRoutes } from './modules/portal';
import { knowledgeRoutes } from './modules/knowledge';
import { assistRoutes } from './modules/assist';
import { satisfactionRoutes } from './modules/satisfaction';
import { dayPlan, routingRoutes } from './modules/routing';
import { fieldRoutes } from './modules/field';
import { inventoryRoutes } from './modules/inventory';
import { contractPolicies, maintenanceRoutes } from './modules/maintenance';
import { fieldDeviceOf } from './field-device';

export const VERSION = '0.1.0';

/** Every feature module's HTTP routes, in one list. */
export const ROUTE_MODULES: RouteModule[] = [
  identityRoutes,
  ticketRoutes,
  collaborationRoutes,
  customerRoutes,
  catalogRoutes,
  notificationRoutes,
  operatorRoutes,
  liveRoutes,
  viewRoutes,
  replyTemplateRoutes,
  kbSearchRoutes,
  intakeRoutes,
  intelligenceRoutes,
  importRoutes,
  assignmentRoutes,
  dispatchProfileRoutes,
  slaRoutes,
  automationRoutes,
  calendarRoutes,
  deliveryRoutes,
  portalRoutes,
  knowledgeRoutes,
  assistRoutes,
  satisfactionRoutes,
  routingRoutes,
  fieldRoutes,
  inventoryRoutes,
  assetRoutes,
  maintenanceRoutes,
  ...CHANNEL_PLUGINS.flatMap((p) => (p.routes ? [p.routes] : [])),
];

export function makeDeps(config: Config, db: Database, opts: { clock?: Clock; files?: FileStore } = {}): Deps {
  return {
    db,
    // PGlite has one session; on PostgreSQL a few batches in flight keep two cores busy (more only add contention)
    writes: new TransactionCoalescer(db, { maxBatch: 100, maxConcurrent: db.kind === 'pglite' ? 1 : Math.min(3, Math.max(1, config.DATABASE_POOL_SIZE - 2)) }),
    clock: opts.clock ?? systemClock,
    files: opts.files ?? localFileStore(config.DATA_DIR, config.FILES_DIR),
    limits: {
      attachmentMaxBytes: config.ATTACHMENT_MAX_BYTES,
      attachmentTypes: config.ATTACHMENT_TYPES.split(',').map((s) => s.trim()).filter(Boolean),
      sessionTtlHours: config.SESSION_TTL_HOURS,
      importMaxBytes: config.IMPORT_MAX_BYTES,
    },
    cookieSecure: config.COOKIE_SECURE,
    publicUrl: config.PUBLIC_URL || `http://localhost:${config.PORT}`,
    operatorToken: config.OPERATOR_TOKEN,
    enrichTicket: ticketEnricher({ db, clock: opts.clock ?? systemClock }, cacheFor(db)),
    contactExists,
    moveRequesterTickets,
    ticketAsset: assetForTicket,
    // a 处理人 set by hand on the ticket passes dispatch's hard rules and is recorded as a dispatch decision
    handAssignment,
    assetAlarms: alarmsOfAsset,
    contractPolicies,
    mapTiles: { tileUrl: config.MAP_TILE_URL || null, attribution: config.MAP_TILE_ATTRIBUTION || null },
    // the phone's job list in the order of the engineer's day plan, when routing has one
    fieldDayPlan: async (q, userId, date) => (await dayPlan(q, userId, date))?.stops.map((s) => s.ticketId) ?? null,
    fieldDevice: fieldDeviceOf,
    // the phone's job list marks the jobs waiting for 接单
    fieldOffers: offersOf,
    // a step or a look at a job taken from the engineer says so (409), not 403 / 404
    fieldAssertNotTakenAway: assertNotTakenAway,
  };
}

export function buildApp(config: Config, deps: Deps): Promise<FastifyInstance> {
  return buildServer(
    deps,
    { logLevel: config.LOG_LEVEL, bodyLimit: config.BODY_LIMIT_BYTES, bodyTimeoutMs: config.BODY_TIMEOUT_MS, metricsToken: config.METRICS_TOKEN, trustProxy: config.TRUST_PROXY, version: VERSION, validateResponses: !!process.env.VITEST, webDistDir: webDistDir(config.WEB_DIST_DIR) },
    { routes: ROUTE_MODULES, authenticate },
  );
}
