import { buildApp, makeDeps } from './app';
import { ConfigError, loadConfig } from './platform/config';
import { DataDirectoryInUse } from './platform/db/data-dir-lock';
import type { Database } from './platform/db/database';
import { openDatabase } from './platform/db/open-database';
import { startGinCleaner } from './platform/db/gin-pending-lists';
import { startEmbeddedMaintenance } from './platform/db/embedded-maintenance';
import { PgliteDatabase } from './platform/db/pglite-database';
import { stopOnSignals, type StopLog } from './platform/stop-signals';
import { bootstrapFirstTenant } from './modules/identity';
import { connectLiveUpdates } from './modules/live';
import { startIntake } from './modules/intake';
import { startIntelligence } from './modules/intelligence';
import { ImportWorker } from './modules/imports';
import { startDispatch } from './modules/dispatch';
import { startRouting } from './modules/routing';
import { startSla, startSlaSweep } from './modules/sla';
import { startAutomation } from './modules/automation';
import { startDelivery } from './modules/delivery';
import { connectSatisfaction } from './modules/satisfaction';
import { connectInventory } from './modules/inventory';
import { registerTelemetryIntake, startMaintenance } from './modules/maintenance';
import { OutboxDispatcher } from './platform/outbox/outbox-dispatcher';
import { registerGauge } from './platform/http/metrics';

/** Until the app's logger exists, lines about stopping go to stderr. */
const startupLog: StopLog = {
  info: (_obj, msg) => console.error(msg),
  error: (obj, msg) => console.error(msg, obj),
};

// `npm start`: open (and migrate) the database, create the first tenant on an empty one, serve HTTP.
// SIGTERM or Ctrl-C stops it (platform/stop-signals.ts): intake first, then background work, the database last.
async function main() {
  const config = loadConfig();
  let log: StopLog = startupLog;
  /** What to close on a stop, in order: set once the process serves; the database alone before. */
  let close: (() => Promise<void>) | null = null;
  let db: Database | null = null;
  let starting: Promise<unknown> = Promise.resolve();
  const signals = stopOnSignals({
    log: () => log,
    async stop() {
      // a stop asked for while starting waits for the start to reach a point where it can be undone
      await starting.catch(() => undefined);
      if (close) await close();
      else await db?.close();
    },
  });

  const start = async () => {
    db = await openDatabase(config);
    const opened = db;
    const deps = makeDeps(config, opened);
    const boot = await bootstrapFirstTenant(opened, { tenantName: config.TENANT_NAME, adminEmail: config.ADMIN_EMAIL, adminPassword: config.ADMIN_PASSWORD });
    const app = await buildApp(config, deps);
    log = app.log;
    if (boot.created) {
      app.log.info({ tenant: boot.tenantSlug, email: boot.email }, 'created the initial tenant and its administrator');
      if (boot.generatedPassword)
        // printed once: it is not stored anywhere in clear
        console.log(`\n  Administrator: ${boot.email}\n  Password (shown once): ${boot.generatedPassword}\n`);
    }
    // consumers of later modules (automation, notifications, webhooks) subscribe here
    const outbox = new OutboxDispatcher(opened, deps.clock, { log: app.log, heldBack: { checkMs: config.OUTBOX_HELD_BACK_CHECK_MS, warnAfterMs: config.OUTBOX_HELD_BACK_WARN_MS } });
    registerGauge(app, { name: 'gongdan_outbox_held_back_seconds', help: 'How long the oldest committed outbox event has waited for an older open transaction (0: none waits)', read: () => outbox.heldBackSeconds() });
    const live = connectLiveUpdates(app, deps, outbox, { databaseUrl: config.DATABASE_URL });
    registerTelemetryIntake(); // before intake listens: telemetry topics are routed to maintenance
    const intake = await startIntake({ deps, config, log: app.log, outbox });
    const intelligence = startIntelligence({ deps, outbox, retrainMinutes: config.INTELLIGENCE_RETRAIN_MINUTES, log: app.log });
    const dispatch = startDispatch({ deps, outbox, sweepMs: config.DISPATCH_SWEEP_MS, statsMinutes: config.DISPATCH_STATS_MINUTES, log: app.log });
    const sla = startSla({ deps, outbox, sweepMs: config.SLA_SWEEP_MS, log: app.log, startSweep: (o) => startSlaSweep({ ...o, limit: config.SLA_SWEEP_BATCH }), recomputeMs: config.SLA_RECOMPUTE_MS, recomputeBatch: config.SLA_RECOMPUTE_BATCH });
    const automation = startAutomation({ deps, outbox, sweepMs: config.AUTOMATION_SWEEP_MS, maxPerTicketHour: config.AUTOMATION_MAX_PER_TICKET_HOUR, log: app.log });
    const delivery = startDelivery({ deps, outbox, sendMs: config.DELIVERY_SEND_MS, maxAttempts: config.DELIVERY_MAX_ATTEMPTS, timeoutMs: config.DELIVERY_TIMEOUT_MS, mail: { relayUrl: config.SMTP_RELAY_URL, from: config.MAIL_FROM }, log: app.log });
    startRouting({ deps, outbox });
    const maintenanceSweep = startMaintenance({ deps, sweepMs: config.MAINTENANCE_SWEEP_MS, log: app.log });
    connectSatisfaction(deps, outbox, { publicUrl: config.PUBLIC_URL || `http://localhost:${config.PORT}` });
    connectInventory(deps, outbox);
    const imports = new ImportWorker(deps, { log: app.log });
    imports.start();
    outbox.start(config.OUTBOX_POLL_MS);
    // PostgreSQL only: there the merge runs in another backend, on another core; PGlite would run it in
    // this thread, and many small merges cost it more than the few large ones inserts make
    const ginCleaner = opened.kind === 'postgres' ? startGinCleaner(opened, app.log) : null;
    // PGlite has no autovacuum: the server keeps its statistics and dead rows in hand itself
    const maintenance = opened instanceof PgliteDatabase ? startEmbeddedMaintenance(opened, app.log) : null;
    close = async () => {
      const failures: unknown[] = [];
      const step = (what: string, p: Promise<unknown> | undefined) =>
        Promise.resolve(p).catch((err) => {
          app.log.error({ err }, `stopping: ${what} failed`);
          failures.push(err);
        });
      // take no more: HTTP (requests in flight are answered, live sockets closed), SMTP, MQTT, polling
      await Promise.all([step('the HTTP server', app.close()), step('intake', intake.close())]);
      // background work finishes its current step; a model training in a worker thread is given up
      await Promise.all([step('imports', imports.stop()), step('intelligence', intelligence.close()), step('dispatch', dispatch.close()), step('sla', sla.close()), step('automation', automation.close()), step('delivery', delivery.close()), step('maintenance sweep', maintenanceSweep.close()), step('GIN cleaner', ginCleaner?.stop()), step('maintenance', maintenance?.stop())]);
      // what they wrote to the outbox is dispatched now or after the next start
      await step('the outbox', outbox.stop());
      await step('live updates', live.close());
      // PGlite writes what it holds and releases the data directory
      await step('the database', opened.close());
      if (failures.length) throw new Error(`${failures.length} part(s) did not stop cleanly`);
    };
    if (signals.requested) return;
    await app.listen({ port: config.PORT, host: config.HOST });
    app.log.info({ database: opened.kind }, `Gongdan is listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`);
  };
  starting = start();
  try {
    await starting;
  } catch (err) {
    signals.dispose();
    await (close ?? (() => db?.close()))()?.catch(() => undefined);
    throw err;
  }
}

main().catch((err) => {
  // a mistake the operator can fix gets its message alone, without a stack trace
  if (err instanceof ConfigError || err instanceof DataDirectoryInUse) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
