import { z } from 'zod';

// Every setting is declared once here with its type, default and description; the README table is
// generated from this list (`npx gongdan config`), and bad values stop the process at start.
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const settings = {
  PORT: { schema: z.coerce.number().int().min(0).max(65535), default: '3000', description: 'HTTP port to listen on' },
  HOST: { schema: z.string(), default: '0.0.0.0', description: 'Interface to bind the HTTP server to' },
  DATA_DIR: { schema: z.string(), default: './data', description: 'Folder for the embedded PGlite database and local files' },
  DATABASE_URL: {
    schema: z.string().url().or(z.literal('')),
    default: '',
    description: 'postgres://… of a real PostgreSQL 15+ server; empty means embedded PGlite in DATA_DIR',
  },
  DATABASE_POOL_SIZE: { schema: z.coerce.number().int().min(1).max(500), default: '8', description: 'Connections in the PostgreSQL pool (about 3-4 per database core is fastest)' },
  DATABASE_APP_ROLE: {
    schema: z.string().regex(/^[a-z_][a-z0-9_]*$/),
    default: 'gongdan_app',
    description: 'Non-superuser role the application switches to; row-level security applies to it',
  },
  FILES_DIR: { schema: z.string(), default: '', description: 'Where attachments are stored (default: DATA_DIR/files)' },
  ADMIN_EMAIL: { schema: z.string().email().or(z.literal('')), default: '', description: 'Administrator created on first start (default admin@example.com)' },
  ADMIN_PASSWORD: { schema: z.string(), default: '', description: 'Password of that administrator; when empty a generated one is printed once' },
  TENANT_NAME: { schema: z.string().min(1), default: '默认租户', description: 'Name of the initial tenant created on first start' },
  OPERATOR_TOKEN: { schema: z.string(), default: '', description: 'Bearer token for the operator API (/api/v1/operator/*); empty disables it' },
  SESSION_TTL_HOURS: { schema: z.coerce.number().positive(), default: '168', description: 'Lifetime of a sign-in session' },
  TRUST_PROXY: {
    schema: z.string().regex(/^(|true|\d+|[0-9a-fA-F.:/,\s]+)$/, "'' (no proxy), true, a number of hops, or the proxies' addresses / CIDRs comma separated"),
    default: '',
    description: "Reverse proxies whose X-Forwarded-For is believed for the client's address (sign-in throttling, rate limits): empty trusts none; 'true' any; a number of hops; or addresses / CIDRs, comma separated",
  },
  BODY_TIMEOUT_MS: { schema: z.coerce.number().int().min(100).max(600000), default: '10000', description: 'A request whose body stops arriving for this long is answered 408 and its connection closed' },
  METRICS_TOKEN: { schema: z.string(), default: '', description: 'Bearer token a Prometheus scraper sends to GET /metrics; empty turns /metrics off' },
  BODY_LIMIT_BYTES: { schema: z.coerce.number().int().positive(), default: '1048576', description: 'Largest JSON request body' },
  ATTACHMENT_MAX_BYTES: { schema: z.coerce.number().int().positive(), default: '26214400', description: 'Largest attachment (25 MiB)' },
  IMPORT_MAX_BYTES: { schema: z.coerce.number().int().positive().max(1073741824), default: '52428800', description: 'Largest file of historical tickets uploaded for import in the console or with POST /api/v1/imports (50 MiB)' },
  ATTACHMENT_TYPES: {
    schema: z.string(),
    default: 'image/*,application/pdf,text/plain,text/csv,application/zip,application/msword,application/vnd.*,audio/*,video/mp4',
    description: 'Allowed attachment media types (comma separated, * wildcards)',
  },
  LOG_LEVEL: { schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), default: 'info', description: 'Log level' },
  COOKIE_SECURE: { schema: bool, default: 'false', description: 'Mark the session cookie Secure (set true behind HTTPS)' },
  OUTBOX_POLL_MS: { schema: z.coerce.number().int().positive(), default: '500', description: 'How often the outbox dispatcher looks for new events' },
  OUTBOX_HELD_BACK_CHECK_MS: { schema: z.coerce.number().int().min(0), default: '30000', description: 'How often the outbox dispatcher checks whether a transaction left open on the database cluster holds event delivery back (0 disables the check)' },
  OUTBOX_HELD_BACK_WARN_MS: { schema: z.coerce.number().int().min(1000), default: '60000', description: 'An event committed but held back this long by an older open transaction is logged as a warning naming that transaction (docs/OPERATIONS.md)' },
  PUBLIC_URL: { schema: z.string().url().or(z.literal('')), default: '', description: 'Address customers and platforms reach this server at (links in mail, the chat widget script, callback URLs shown to admins); default http://localhost:PORT' },
  INTAKE_POLL_MS: { schema: z.coerce.number().int().positive(), default: '1000', description: 'How often the intake worker looks for stored inbound messages left by other processes or due for a retry' },
  INTAKE_MAX_ATTEMPTS: { schema: z.coerce.number().int().min(1).max(50), default: '5', description: 'Processing attempts of an inbound message before it is quarantined' },
  SMTP_PORT: { schema: z.coerce.number().int().min(0).max(65535), default: '2525', description: 'Port of the built-in SMTP listener receiving customer mail (0 disables it)' },
  SMTP_HOST: { schema: z.string(), default: '0.0.0.0', description: 'Interface the SMTP listener binds to' },
  SMTP_MAX_BYTES: { schema: z.coerce.number().int().positive(), default: '31457280', description: 'Largest mail the SMTP listener accepts (30 MiB)' },
  SMTP_RELAY_URL: { schema: z.string().regex(/^(smtps?:\/\/.+)?$/, 'smtp://user:pass@host:port or smtps://…').or(z.literal('')), default: '', description: 'SMTP relay for outgoing mail (replies, notifications), e.g. smtp://user:pass@smtp.example.com:587; empty: a mail reply is recorded as failed (RELAY_NOT_CONFIGURED) unless its mailbox channel has its own relayUrl' },
  MAIL_FROM: { schema: z.string(), default: '', description: 'Sender of outgoing mail when the mailbox channel has no address, e.g. "客服中心 <support@example.com>"' },
  IMAP_POLL_MS: { schema: z.coerce.number().int().positive(), default: '60000', description: 'How often configured IMAP mailboxes are polled' },
  MQTT_PORT: { schema: z.coerce.number().int().min(0).max(65535), default: '1883', description: 'Port of the embedded MQTT broker for device alarms (0 disables it)' },
  MQTT_HOST: { schema: z.string(), default: '0.0.0.0', description: 'Interface the embedded MQTT broker binds to' },
  MQTT_URL: { schema: z.string().regex(/^(mqtts?|wss?|tcp):\/\/.+/, 'mqtt://host:port').or(z.literal('')), default: '', description: 'External MQTT broker to subscribe to instead of the embedded one (mqtt://user:pass@host:1883)' },
  IOT_ALARM_WINDOW_MINUTES: { schema: z.coerce.number().positive(), default: '60', description: 'Repeated alarms of one device and code inside this window add to the same ticket' },
  INTELLIGENCE_RETRAIN_MINUTES: { schema: z.coerce.number().int().min(0), default: '60', description: 'How often each tenant is checked for retraining its category, team and priority models (new labelled tickets or 20 corrections since the last training; 0 disables the background retraining)' },
  DISPATCH_SWEEP_MS: { schema: z.coerce.number().int().min(0), default: '5000', description: 'How often dispatch expires unaccepted offers, hands back the unstarted work of ended shifts and gives queued tickets to freed capacity (0 disables the sweep)' },
  DISPATCH_STATS_MINUTES: { schema: z.coerce.number().int().min(0), default: '60', description: 'How often each person’s speed and first-time-fix rate per category are learnt again from closed tickets (0: never)' },
  MAP_TILE_URL: { schema: z.string().max(500), default: '', description: "Tile server of the console's maps — the dispatch map and the 上门地址 picker ({z}/{x}/{y} template, e.g. https://tiles.example.cn/{z}/{x}/{y}.png); empty: the built-in base layer only" },
  MAP_TILE_ATTRIBUTION: { schema: z.string().max(500), default: '', description: 'Attribution shown with the map tiles' },
  SLA_SWEEP_MS: { schema: z.coerce.number().int().min(0), default: '250', description: 'How often the SLA sweep fires the warnings and breaches that are due (0 disables the sweep)' },
  AUTOMATION_SWEEP_MS: { schema: z.coerce.number().int().min(0), default: '60000', description: 'How often the time rules (定时规则) look for tickets that have been in a state long enough, e.g. resolved for 7 days (0 disables the sweep)' },
  MAINTENANCE_SWEEP_MS: { schema: z.coerce.number().int().min(0), default: '60000', description: 'How often the maintenance sweep creates preventive visit tickets that are due (by their lead time), notifies admins of expiring contracts and deletes telemetry past its retention (0 disables the sweep)' },
  AUTOMATION_MAX_PER_TICKET_HOUR: { schema: z.coerce.number().int().min(1), default: '20', description: 'The loop guard: at most this many automated updates of one ticket per hour; further runs are dropped and logged with the reason' },
  DELIVERY_SEND_MS: { schema: z.coerce.number().int().min(0), default: '1000', description: 'How often the sender looks for due webhook, group robot, SMS and notification mail deliveries (0: this process sends none)' },
  DELIVERY_MAX_ATTEMPTS: { schema: z.coerce.number().int().min(1).max(50), default: '8', description: 'Attempts of a delivery (exponential backoff 1 s, 2 s, 4 s … up to 1 h between them) before it is dead (the dead-letter list admins replay)' },
  DELIVERY_TIMEOUT_MS: { schema: z.coerce.number().int().min(100).max(120000), default: '10000', description: 'How long one delivery attempt waits for the receiver; a sender holds a claimed delivery three times as long and 30 s more, after which another process may retry it' },
  WEB_DIST_DIR: { schema: z.string(), default: '', description: 'Folder of the built web console served at / (default: packages/web/dist of this repository)' },
  SLA_SWEEP_BATCH: { schema: z.coerce.number().int().min(1).max(10000), default: '500', description: 'Due SLA breaches and warnings (each) one sweep transaction claims per tenant' },
  SLA_RECOMPUTE_MS: { schema: z.coerce.number().int().min(0), default: '250', description: 'How often the bulk SLA recomputation (after a policy, settings or calendar change) recomputes its next chunk of open tickets (0: this process does none)' },
  SLA_RECOMPUTE_BATCH: { schema: z.coerce.number().int().min(1).max(10000), default: '500', description: 'Open tickets one chunk of the bulk SLA recomputation recomputes in one transaction' },
} as const;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K]['schema']> };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, def] of Object.entries(settings)) {
    const raw = env[key] ?? def.default;
    const parsed = (def.schema as z.ZodType).safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${key}=${JSON.stringify(raw)}: ${parsed.error.issues[0]?.message ?? 'invalid'} (${def.description})`);
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return out as Config;
}

export function settingsTable(): string {
  const rows = Object.entries(settings).map(([k, d]) => `| \`${k}\` | ${d.default ? `\`${d.default}\`` : '*(empty)*'} | ${d.description} |`);
  return ['| setting | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
