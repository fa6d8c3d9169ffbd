import { benchAutomation } from './automation';
import { benchConsole } from './console';
import { benchCreate } from './create';
import { benchDispatch } from './dispatch';
import { benchDispatchTargets, DEFAULT_SOLOMON, DOC_DAYS } from './dispatch-targets';
import { benchEmail } from './email';
import { generate } from './generate';
import { benchImport } from './import';
import { benchIntelligence } from './intelligence';
import { benchIot } from './iot';
import { benchKb } from './kb';
import { benchList } from './list';
import { benchParts } from './parts';
import { benchSla } from './sla';
import { benchTelemetry } from './telemetry';
import { log, parseArgs } from './lib/server';
import type { SimStrategy } from '../src/modules/dispatch';

// `npm run bench -- <name> [options]` from the repository root. Results are JSON lines on stdout
// (one object per measurement); progress goes to stderr.
//
//   create    [--db pglite|postgres] [--connections 200] [--duration 20] [--warmup 3] [--pool 5000] [--database-url URL] [--keep]
//   email     [--db pglite|postgres] [--messages 10000] [--clients 8] [--replies 0.2] [--timeout 900] [--database-url URL] [--keep]
//   generate  [--db pglite|postgres] [--tickets 1000000] [--events-per-ticket 3] [--data-dir DIR | --database-url URL] [--db-name NAME]
//   list      [--db pglite|postgres] [--data-dir DIR | --database-url URL] [--db-name NAME] [--runs 200] [--warmup 20] [--explain]
//   iot       [--db pglite|postgres] [--alarms 100000] [--devices 10000] [--clients 20] [--burst 200] [--database-url URL]
//   console   [--db pglite|postgres] [--data-dir DIR | --database-url URL] [--db-name NAME] [--runs 10] [--chromium /usr/bin/chromium] [--only cold] [--web-dist DIR]
//   import    [--db pglite|postgres] [--tickets 10000] [--database-url URL]: an import job from upload to done, then the same file again
//   intelligence [--data ../shared/data/banking77] [--runs 5000]: the per-ticket cost of the intelligence stage, in process
//   dispatch  [--engineers 1000] [--open 10000] [--decisions 2000] [--batch 50] [--runs 50] [--seed 16]: engine decision latency, in process
//   dispatch-targets [--solomon ../shared/data/solomon] [--days SEED:E:T,…] [--strategies scored,batch] [--weights JSON] [--batch-window-s 30] [--improve-every MIN]: issue 16's simulator targets over every Solomon instance in the folder and the generated days (default: the 13 of docs/DISPATCH-SIMULATOR.md), one line per day and strategy, then a summary (bench/dispatch-targets.ts)
//   sla       [--tickets 10000,50000] [--due 500] [--rounds 20] [--lateness 5000] [--spread 20] [--create-duration 10] [--connections 20] [--database-url URL] [--db-name gongdan_bench_sla] [--skip-live]: the SLA sweep on PostgreSQL (bench/sla.ts)
//   automation [--events 3500] [--rounds 2] [--src DIR,DIR] [--chunk 50] [--database-url URL] [--db-name gongdan_bench_automation]: the automation consumer on a backlog of SLA warnings, PostgreSQL, in process (bench/automation.ts)
//   kb        [--articles 100000] [--english 0.2] [--runs 200] [--warmup 20] [--batch 500] [--database-url URL] [--db-name gongdan_bench_kb] [--keep] [--reuse]: knowledge search latency by query shape on PostgreSQL, in process (bench/kb.ts)
//   telemetry [--db pglite|postgres|both] [--readings 1000000] [--devices 1000] [--batch 100] [--concurrency 8] [--fleet 200] [--days 30] [--failing 0.1] [--fleet-db postgres|pglite|none] [--seed 19]: telemetry ingest rate and predictive orders on a generated fleet, in process (bench/telemetry.ts)
//   parts     [--db pglite|postgres|both] [--clients 32] [--requests 2000] [--parts 4] [--stock 500] [--history 10000] [--runs 200] [--seed 19] [--database-url URL]: spare parts — reservations racing on scarce stock (nothing oversold, ledger checked), reserve / draw latency, suggestion latency on a history of past tickets, in process (bench/parts.ts)
//   all       [--db pglite|postgres] [--tickets N] …: create, then generate, then list
//
// PostgreSQL: --database-url (or BENCH_DATABASE_URL) names a server where the scripts may create
// databases; without one a private cluster is started with scripts/pg-cluster.sh in
// /tmp/gongdan-bench-pg on port 55433. `generate` drops and re-creates the database --db-name
// (default gongdan_bench_gen) and `list` runs against it. PGlite: `generate` fills --data-dir
// (default /tmp/gongdan-bench-pglite) and `list` starts the server on that directory. `console`
// drives the web console in headless Chromium against the same generated data.

const USAGE = 'usage: npm run bench -- create|email|generate|list|iot|console|import|intelligence|dispatch|dispatch-targets|sla|automation|kb|telemetry|parts|all [--db pglite|postgres] [options] (see bench/run.ts)';

async function main() {
  const { positional, opts } = parseArgs(process.argv.slice(2));
  const name = positional[0] ?? 'create';
  const db = (opts.db ?? 'postgres') as 'pglite' | 'postgres';
  if (db !== 'pglite' && db !== 'postgres' && !((name === 'telemetry' || name === 'parts') && (db as string) === 'both')) throw new Error(`--db must be pglite or postgres\n${USAGE}`);
  const num = (k: string, d: number) => (opts[k] !== undefined ? Number(opts[k]) : d);
  const common = {
    db,
    databaseUrl: opts['database-url'],
    dbName: opts['db-name'] ?? 'gongdan_bench_gen',
    dataDir: opts['data-dir'] ?? '/tmp/gongdan-bench-pglite',
  };
  const create = () =>
    benchCreate({ db, connections: num('connections', 200), duration: num('duration', 20), warmup: num('warmup', 3), pool: num('pool', 5000), databaseUrl: opts['database-url'], keep: opts.keep === 'true' });
  const gen = () => generate({ ...common, tickets: num('tickets', 1_000_000), eventsPerTicket: num('events-per-ticket', 3), batch: num('batch', 5000), workers: num('workers', 2) });
  const list = () => benchList({ ...common, runs: num('runs', 200), warmup: name === 'list' ? num('warmup', 20) : num('list-warmup', 20), explain: opts.explain === 'true' });
  switch (name) {
    case 'create':
      return create();
    case 'email':
      return benchEmail({ db, messages: num('messages', 10_000), clients: num('clients', 8), replies: num('replies', 0.2), timeoutS: num('timeout', 900), databaseUrl: opts['database-url'], keep: opts.keep === 'true' });
    case 'generate':
      return gen();
    case 'list':
      return list();
    case 'iot':
      return benchIot({ db, alarms: num('alarms', 100_000), devices: num('devices', 10_000), clients: num('clients', 20), burst: num('burst', 200), databaseUrl: opts['database-url'] });
    case 'import':
      return benchImport({ db, tickets: num('tickets', 10_000), databaseUrl: opts['database-url'] });
    case 'intelligence':
      return benchIntelligence({ data: opts.data ?? '../../../shared/data/banking77', runs: num('runs', 5000) });
    case 'console':
      if (opts.only !== undefined && opts.only !== 'cold') throw new Error(`--only takes cold\n${USAGE}`);
      return benchConsole({ ...common, runs: num('runs', 10), chromium: opts.chromium ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', only: opts.only as 'cold' | undefined, webDist: opts['web-dist'] });
    case 'dispatch':
      return benchDispatch({ engineers: num('engineers', 1000), open: num('open', 10_000), decisions: num('decisions', 2000), batch: num('batch', 50), runs: num('runs', 50), seed: num('seed', 16) });
    case 'dispatch-targets':
      return benchDispatchTargets({
        solomon: opts.solomon === 'none' ? null : (opts.solomon ?? DEFAULT_SOLOMON),
        days: opts.days ?? DOC_DAYS,
        strategies: (opts.strategies ?? 'scored,batch').split(',') as SimStrategy[],
        weights: opts.weights ? (JSON.parse(opts.weights) as Record<string, number>) : {},
        batchWindowS: num('batch-window-s', 30),
        improveEveryMin: opts['improve-every'] !== undefined ? num('improve-every', 5) : undefined,
      });
    case 'sla':
      return benchSla({
        databaseUrl: opts['database-url'],
        dbName: opts['db-name'] ?? 'gongdan_bench_sla',
        tickets: (opts.tickets ?? '10000,50000').split(',').map(Number),
        due: num('due', 500),
        rounds: num('rounds', 20),
        lateness: num('lateness', 5000),
        spread: num('spread', 20),
        createDuration: num('create-duration', 10),
        connections: num('connections', 20),
        skipLive: opts['skip-live'] === 'true',
      });
    case 'automation':
      return benchAutomation({
        databaseUrl: opts['database-url'],
        dbName: opts['db-name'] ?? 'gongdan_bench_automation',
        events: num('events', 3500),
        rounds: num('rounds', 2),
        srcs: opts.src ? opts.src.split(',') : [],
        chunk: opts.chunk !== undefined ? Number(opts.chunk) : undefined,
      });
    case 'telemetry':
      return benchTelemetry({
        db: (opts.db ?? 'both') as 'pglite' | 'postgres' | 'both',
        databaseUrl: opts['database-url'],
        readings: num('readings', 1_000_000),
        devices: num('devices', 1000),
        batch: num('batch', 100),
        concurrency: num('concurrency', 8),
        fleet: num('fleet', 200),
        days: num('days', 30),
        failing: num('failing', 0.1),
        fleetDb: (opts['fleet-db'] ?? 'postgres') as 'pglite' | 'postgres' | 'none',
        seed: num('seed', 19),
      });
    case 'parts':
      return benchParts({
        db: (opts.db ?? 'both') as 'pglite' | 'postgres' | 'both',
        databaseUrl: opts['database-url'],
        clients: num('clients', 32),
        requests: num('requests', 2000),
        parts: num('parts', 4),
        stock: num('stock', 500),
        history: num('history', 10_000),
        runs: num('runs', 200),
        seed: num('seed', 19),
      });
    case 'kb':
      return benchKb({
        databaseUrl: opts['database-url'],
        dbName: opts['db-name'] ?? 'gongdan_bench_kb',
        articles: num('articles', 100_000),
        english: num('english', 0.2),
        runs: num('runs', 200),
        warmup: num('warmup', 20),
        batch: num('batch', 500),
        keep: opts.keep === 'true' || opts.reuse === 'true',
        reuse: opts.reuse === 'true',
      });
    case 'all':
      await create();
      await gen();
      return list();
    default:
      throw new Error(`unknown benchmark ${name}\n${USAGE}`);
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
