import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { BENCH_METRICS_TOKEN } from './server-latency';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

// Shared by the benchmark scripts: a real server in a child process, a PostgreSQL to run it on,
// and the few API calls a benchmark needs before it starts measuring.

export const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const REPO_DIR = resolve(SERVER_DIR, '../..');
export const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'Bench-Passw0rd-压测' };

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export interface ServerHandle {
  url: string;
  proc: ChildProcess;
  /** Last lines the server wrote (for error reports). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** `node --import tsx src/main.ts` on a free port; resolves once /healthz answers 200. */
export async function startServer(o: StartOptions): Promise<ServerHandle> {
  const port = await freePort();
  // PostgreSQL still needs a DATA_DIR for local files: a temporary one, removed when the server stops
  const ownDir = o.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'gongdan-srv-'));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    DATA_DIR: o.dataDir ?? ownDir!,
    DATABASE_URL: o.databaseUrl ?? '',
    // the SMTP listener and MQTT broker only where a benchmark asks for them (on a free port), so
    // benchmarks running side by side do not fight over 2525 / 1883
    SMTP_PORT: '0',
    MQTT_PORT: '0',
    METRICS_TOKEN: BENCH_METRICS_TOKEN,
    ...o.env,
  };
  // e.g. BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server only
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise<void>((r) =>
    proc.once('exit', () => {
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
      r();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (o.timeoutMs ?? 120_000);
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`server exited (${proc.exitCode ?? proc.signalCode}) before it was ready:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server not ready after ${o.timeoutMs ?? 120_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    proc,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      const t = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
    },
  };
}

export async function api<T = any>(url: string, token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Signs the benchmark administrator in and creates an admin API key. */
export async function adminApiKey(url: string, creds = BENCH_ADMIN): Promise<string> {
  const login = await api(url, null, 'POST', '/api/v1/auth/login', creds);
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  const key = await api(url, login.body.token, 'POST', '/api/v1/api-keys', { name: `bench-${Date.now()}`, role: 'admin' });
  if (key.status !== 201) throw new Error(`API key failed: ${key.status} ${JSON.stringify(key.body)}`);
  return key.body.key as string;
}

const BENCH_CLUSTER = { dir: '/tmp/gongdan-bench-pg', port: 55433 };

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * The PostgreSQL server to benchmark on: --database-url, else BENCH_DATABASE_URL, else a private
 * cluster started with scripts/pg-cluster.sh in /tmp/gongdan-bench-pg on port 55433.
 */
export async function postgresServerUrl(given?: string): Promise<string> {
  const url = given || process.env.BENCH_DATABASE_URL;
  if (url) return url;
  const own = `postgres://postgres@127.0.0.1:${BENCH_CLUSTER.port}/postgres`;
  if (await reachable(own)) return own;
  const printed = execFileSync(join(REPO_DIR, 'scripts/pg-cluster.sh'), ['start', BENCH_CLUSTER.dir, String(BENCH_CLUSTER.port)], { encoding: 'utf8' }).trim();
  return printed.split('\n').pop()!;
}

export function withDatabase(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Drops (if present) and creates a database on the server; returns its URL. */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  return withDatabase(serverUrl, name);
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** Minimal `--name value` / `--flag` parser. */
export function parseArgs(argv: string[]): { positional: string[]; opts: Record<string, string> } {
  const positional: string[] = [];
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) opts[k] = v;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) opts[k] = argv[++i];
      else opts[k] = 'true';
    } else positional.push(a);
  }
  return { positional, opts };
}

export const emit = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
export const log = (msg: string) => process.stderr.write(`${msg}\n`);

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

// ── CPU accounting from /proc (Linux): noise from other processes does not change CPU per request ──
const TICK_MS = 10; // USER_HZ = 100

export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS; // utime + stime
  } catch {
    return NaN;
  }
}

/** CPU of a local PostgreSQL: the postmaster's children (backends, walwriter, checkpointer…). */
export async function postgresCpuSampler(databaseUrl: string): Promise<(() => number) | null> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  let dir: string;
  try {
    dir = (await c.query<{ d: string }>(`SELECT current_setting('data_directory') AS d`)).rows[0].d;
  } finally {
    await c.end();
  }
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null; // not on this machine, or not readable
  }
  return () => {
    let ms = processCpuMs(postmaster);
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(f[1]) === postmaster) ms += (Number(f[11]) + Number(f[12])) * TICK_MS;
      } catch {
        /* exited */
      }
    }
    return ms;
  };
}
