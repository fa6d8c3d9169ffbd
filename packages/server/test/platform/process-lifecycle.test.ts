import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BENCH_ADMIN, freePort, REPO_DIR } from '../../bench/lib/server';
import { runGongdan } from '../support/run-cli';
import { testDbKind } from '../support/test-db';

// `npm start` as the README runs it, on an embedded database: while it runs no other process (the CLI,
// a second server) may open its DATA_DIR, and the signal a service manager or Ctrl-C sends stops the
// whole process tree cleanly, with everything written still there at the next start.
describe.skipIf(testDbKind() !== 'pglite')('the server process on an embedded database', () => {
  const OPERATOR_TOKEN = 'op-lifecycle-7d1e5a9c4b';
  let root: string;
  let env: Record<string, string>;
  const started: ChildProcess[] = [];

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gongdan-lifecycle-'));
    // a console already built, so that npm start does not build packages/web
    mkdirSync(join(root, 'web'));
    writeFileSync(join(root, 'web', 'index.html'), '<!doctype html><title>工单</title>');
    env = {
      DATA_DIR: join(root, 'data'),
      DATABASE_URL: '',
      WEB_DIST_DIR: join(root, 'web'),
      HOST: '127.0.0.1',
      SMTP_PORT: '0',
      MQTT_PORT: '0',
      LOG_LEVEL: 'info',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      OPERATOR_TOKEN,
      INTELLIGENCE_RETRAIN_MINUTES: '0',
    };
  });
  afterAll(() => {
    // a failed assertion must not leave servers behind: each was started in its own process group
    for (const p of started) if (p.exitCode === null && p.signalCode === null) killGroup(p.pid!, 'SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  /** `npm start` in its own process group (as a terminal or a service manager starts it). */
  async function npmStart(port: number) {
    const proc = spawn('npm', ['start'], { cwd: REPO_DIR, env: { ...process.env, ...env, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(proc);
    let out = '';
    proc.stdout!.on('data', (d) => (out += d));
    proc.stderr!.on('data', (d) => (out += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((r) => proc.once('exit', (code, signal) => r({ code, signal, at: Date.now() })));
    const url = `http://127.0.0.1:${port}`;
    const ready = async () => {
      for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
        if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`npm start exited (${proc.exitCode ?? proc.signalCode}) before it was ready:\n${out}`);
        if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`npm start not ready:\n${out}`);
    };
    return { proc, url, exited, ready, output: () => out };
  }

  it('refuses a second opener of its DATA_DIR, and stops on SIGTERM with what it wrote kept', { timeout: 240_000 }, async () => {
    const first = await npmStart(await freePort());
    await first.ready();
    const token = await signIn(first.url);
    const ticket = await api(first.url, token, 'POST', '/api/v1/tickets', { title: '停机前创建的工单', description: '服务停止前写入，重启后必须还在', requester: { name: '王芳', email: 'wangfang@example.cn' } });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);

    // the command line refuses at once, says what to do, and writes nothing
    const cli = await runGongdan(['tenant', 'create', '--name', '第二租户', '--slug', 'second', '--admin-email', 'admin@second.example.cn', '--admin-password', 'Zweit-Passw0rd-租户'], { DATA_DIR: env.DATA_DIR, DATABASE_URL: '' });
    expect(cli.code).toBe(1);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toContain(`is in use by process ${childOf(first.proc.pid!)}`);
    expect(cli.stderr).toMatch(/Stop the server first.*\/api\/v1\/operator\/tenants.*OPERATOR_TOKEN/s);
    expect(cli.stderr).not.toMatch(/\n\s+at /); // no stack trace

    // so does a second server on the same folder
    const second = await npmStart(await freePort());
    const refused = await second.exited;
    expect(refused.code).not.toBe(0);
    expect(second.output()).toContain('is in use by process');
    expect(second.output()).not.toMatch(/\n\s+at /);

    // SIGTERM to the process that was started (npm) stops every process of the tree, gracefully
    const tree = descendants(first.proc.pid!);
    expect(tree.length).toBeGreaterThan(0);
    const sent = Date.now();
    first.proc.kill('SIGTERM');
    const stopped = await first.exited;
    expect(stopped, first.output()).toMatchObject({ code: 0, signal: null });
    expect(stopped.at - sent).toBeLessThan(5_000);
    await waitUntil(() => tree.every((pid) => !alive(pid)), 2_000);
    expect(tree.filter(alive), 'processes left running').toEqual([]);
    expect(first.output()).toContain('"msg":"stopped"');
    expect(existsSync(`${env.DATA_DIR}/pglite.lock`)).toBe(false);

    // the next start has the ticket, and not the tenant the refused command line asked for
    const again = await npmStart(await freePort());
    await again.ready();
    const token2 = await signIn(again.url);
    const read = await api(again.url, token2, 'GET', `/api/v1/tickets/${ticket.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.title).toBe('停机前创建的工单');
    const tenants = await api(again.url, OPERATOR_TOKEN, 'GET', '/api/v1/operator/tenants');
    expect(tenants.status).toBe(200);
    expect(JSON.stringify(tenants.body)).not.toContain('second');

    // Ctrl-C in a terminal: SIGINT to the whole process group (npm also forwards it: the server gets two)
    const tree2 = descendants(again.proc.pid!);
    killGroup(again.proc.pid!, 'SIGINT');
    const interrupted = await again.exited;
    expect(again.output()).toContain('"msg":"stopped"');
    expect(again.output()).not.toContain('exiting now');
    expect(interrupted).toMatchObject({ code: 0, signal: null });
    await waitUntil(() => tree2.every((pid) => !alive(pid)), 2_000);
    expect(tree2.filter(alive)).toEqual([]);
    expect(existsSync(`${env.DATA_DIR}/pglite.lock`)).toBe(false);
  });
});

async function signIn(url: string): Promise<string> {
  const login = await api(url, null, 'POST', '/api/v1/auth/login', BENCH_ADMIN);
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return login.body.token as string;
}

/** Every process below `pid` (children, grandchildren…), from ps. */
function descendants(pid: number): number[] {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of rows) if (parent === p) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

const childOf = (pid: number) => descendants(pid)[0];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function waitUntil(ok: () => boolean, ms: number) {
  for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
}
