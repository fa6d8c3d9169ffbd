import { buildApp, makeDeps } from './app';
import { ConfigError, loadConfig } from './platform/config';
import { openDatabase } from './platform/db/open-database';
import { startGinCleaner } from './platform/db/gin-pending-lists';
import { startEmbeddedMaintenance } from './platform/db/embedded-maintenance';
import { PgliteDatabase } from './platform/db/pglite-database';
import { bootstrapFirstTenant } from './modules/identity/bootstrap-first-tenant';
import { connectLiveUpdates } from './modules/live';
import { startIntake } from './modules/intake';
import { startIntelligence } from './modules/intelligence';
import { ImportWorker } from './modules/imports';
import { OutboxDispatcher } from './platform/outbox/outbox-dispatcher';

// `npm start`: open (and migrate) the database, create the first tenant on an empty one, serve HTTP.
async function main() {
  const config = loadConfig();
  const db = await openDatabase(config);
  const deps = makeDeps(config, db);
  const boot = await bootstrapFirstTenant(db, { tenantName: config.TENANT_NAME, adminEmail: config.ADMIN_EMAIL, adminPassword: config.ADMIN_PASSWORD });
  const app = await buildApp(config, deps);
  if (boot.created) {
    app.log.info({ tenant: boot.tenantSlug, email: boot.email }, 'created the initial tenant and its administrator');
    if (boot.generatedPassword)
      // printed once: it is not stored anywhere in clear
      console.log(`\n  Administrator: ${boot.email}\n  Password (shown once): ${boot.generatedPassword}\n`);
  }
  // consumers of later modules (automation, notifications, webhooks) subscribe here
  const outbox = new OutboxDispatcher(db, deps.clock, { log: app.log });
  const live = connectLiveUpdates(app, deps, outbox, { databaseUrl: config.DATABASE_URL });
  const intake = await startIntake({ deps, config, log: app.log, outbox });
  const intelligence = startIntelligence({ deps, outbox, retrainMinutes: config.INTELLIGENCE_RETRAIN_MINUTES, log: app.log });
  const imports = new ImportWorker(deps, { log: app.log });
  imports.start();
  outbox.start(config.OUTBOX_POLL_MS);
  // PostgreSQL only: there the merge runs in another backend, on another core; PGlite would run it in
  // this thread, and many small merges cost it more than the few large ones inserts make
  const ginCleaner = db.kind === 'postgres' ? startGinCleaner(db, app.log) : null;
  // PGlite has no autovacuum: the server keeps its statistics and dead rows in hand itself
  const maintenance = db instanceof PgliteDatabase ? startEmbeddedMaintenance(db, app.log) : null;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await intake.close();
    await intelligence.close();
    await imports.stop();
    await outbox.stop();
    await ginCleaner?.stop();
    await maintenance?.stop();
    await live.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info({ database: db.kind }, `Gongdan is listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`);
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
