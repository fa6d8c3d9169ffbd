import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { Api } from './api';
import type { Account, E2eEnv } from './env';

// Once for the whole browser suite: check for Chromium, build the console the way `npm start`
// does, start the server the README's way (its own process group, fresh PGlite DATA_DIR, a free
// port on 127.0.0.1), seed people through the public API, and stop everything afterwards.

const ROOT = resolve(import.meta.dirname, '../../..');
const ARTIFACTS = join(ROOT, 'test-artifacts/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HOST = '127.0.0.1';
const ADMIN = { email: 'e2e-admin@example.com', password: 'Admin-e2e-12345', name: '' };

const log = (msg: string) => console.log(`[e2e] ${msg}`);

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, HOST, () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The environment of `npm start` in a shell: without what vitest adds (NODE_ENV=test would make
 * Vite build a development bundle; VITEST turns on the server's response validation) and without
 * a developer's database or console settings.
 */
export function startEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(VITEST|NODE_ENV$|TEST_|DATABASE_URL$|FILES_DIR$|WEB_DIST_DIR$|OPERATOR_TOKEN$)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/** Whether the server answers GET path with the console's index.html. */
async function servesConsole(serverURL: string, path: string): Promise<boolean> {
  const res = await fetch(`${serverURL}${path}`, { headers: { accept: 'text/html' } }).catch(() => null);
  return !!res?.ok && /<div id="root">/.test(await res.text());
}

export function stopGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

export async function waitHealthy(url: string, child: ChildProcess, logFile: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before /healthz answered; see ${logFile}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${url}/healthz within ${timeoutMs / 1000} s; see ${logFile}`);
}

async function seed(serverURL: string): Promise<Pick<E2eEnv, 'admin' | 'agent' | 'agent2' | 'team'>> {
  const api = await Api.signIn(serverURL, ADMIN.email, ADMIN.password);
  const meUser = await api.get<{ id: string; name: string }>('/auth/me');
  const people: Account[] = [];
  for (const p of [
    { email: 'lina@example.com', name: '李娜', password: 'Agent-e2e-12345' },
    { email: 'wangqiang@example.com', name: '王强', password: 'Agent-e2e-12345' },
  ]) {
    const u = await api.post<{ id: string }>('/users', { ...p, role: 'agent', scope: 'all', locale: 'zh-CN' });
    people.push({ ...p, id: u.id });
  }
  const team = await api.post<{ id: string; name: string }>('/teams', {
    name: '一线支持组',
    description: '负责电话与网页渠道的首次受理',
    skills: ['投影仪', '打印机'],
    memberIds: [meUser.id, ...people.map((p) => p.id)],
  });
  // a ticket the searches must not find: a different word, the same requester name style
  await api.post('/tickets', { title: '财务部打印机卡纸', description: '<p>打印机每打印三页就卡纸一次</p>', requester: { name: '赵敏', phone: '13700001111' }, priority: 'low' });
  return { admin: { ...ADMIN, id: meUser.id, name: meUser.name }, agent: people[0], agent2: people[1], team: { id: team.id, name: team.name } };
}

export default async function setup(project: TestProject) {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of readdirSync(ARTIFACTS)) if (/\.(png|log)$/.test(f)) rmSync(join(ARTIFACTS, f), { force: true });
  const base: E2eEnv = {
    problem: null,
    chromium: CHROMIUM,
    baseURL: '',
    serverURL: '',
    artifacts: ARTIFACTS,
    admin: { ...ADMIN, id: '' },
    agent: { email: '', password: '', name: '', id: '' },
    agent2: { email: '', password: '', name: '', id: '' },
    team: { id: '', name: '' },
    mqttPort: 0,
    smtpPort: 0,
  };

  if (!executable(CHROMIUM)) {
    const problem =
      `Chromium is not installed at ${CHROMIUM}: the browser tests (vitest project "e2e") need Debian's Chromium and a Chinese font. ` +
      `Install them with:  sudo apt-get install chromium fonts-wqy-microhei   (or point CHROMIUM_PATH at a Chromium binary; ` +
      `run the other tests alone with: npx vitest run --project rules --project pglite --project web)`;
    console.error(`\n[e2e] ${problem}\n`);
    project.provide('e2e', { ...base, problem });
    return;
  }
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (!fonts.error && !fonts.stdout.trim())
    console.warn('\n[e2e] WARNING: no Chinese font found (fc-list :lang=zh): screenshots will show boxes. Install fonts-wqy-microhei.\n');

  // the console, built exactly as `npm start` builds it
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-web-build.mjs')], { cwd: ROOT, env: startEnv(), encoding: 'utf8' });
  log((build.stdout + build.stderr).trim());
  if (build.status !== 0 || /FAILED/.test(build.stderr)) throw new Error(`building the web console failed:\n${build.stderr}`);

  const dataDir = mkdtempSync(join(tmpdir(), 'gongdan-e2e-'));
  const port = await freePort();
  // the built-in SMTP listener and MQTT broker on free ports too (not 2525 / 1883, which other servers may hold)
  const smtpPort = await freePort();
  const mqttPort = await freePort();
  const serverURL = `http://${HOST}:${port}`;
  const logFile = join(ARTIFACTS, 'server.log');
  const out = createWriteStream(logFile);
  // `node --import tsx packages/server/src/main.ts` as `npm start` runs it, plus a guard against outliving vitest;
  // no background retraining (its first round comes 30 s after start): the intelligence flow
  // checks the cold-start state and then trains the models itself
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', join(import.meta.dirname, 'exit-with-parent.mjs'), 'packages/server/src/main.ts'], {
    cwd: ROOT,
    env: startEnv({ DATA_DIR: dataDir, PORT: String(port), HOST, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '200', SMTP_HOST: HOST, SMTP_PORT: String(smtpPort), MQTT_HOST: HOST, MQTT_PORT: String(mqttPort), INTAKE_POLL_MS: '200', INTELLIGENCE_RETRAIN_MINUTES: '0' }),
    detached: true, // its own process group: teardown ends the server and anything it started
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  // should vitest itself be stopped, the server does not outlive it
  const killOnExit = () => stopGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const teardown = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      stopGroup(child, 'SIGTERM');
      const timer = setTimeout(() => stopGroup(child, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener('exit', killOnExit);
    out.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const started = Date.now();
    await waitHealthy(serverURL, child, logFile, 180_000);
    log(`server on ${serverURL} (pid ${child.pid}, DATA_DIR ${dataDir}) healthy after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const people = await seed(serverURL);
    // docs/CONSOLE.md: the server serves packages/web/dist at / (index.html for the app's routes)
    const problem = (await servesConsole(serverURL, '/login'))
      ? null
      : `the server at ${serverURL} does not serve the web console (GET /login is not packages/web/dist/index.html); see ${logFile}`;
    if (problem) console.error(`\n[e2e] ${problem}\n`);
    project.provide('e2e', { ...base, problem, baseURL: serverURL, serverURL, mqttPort, smtpPort, ...people });
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}
