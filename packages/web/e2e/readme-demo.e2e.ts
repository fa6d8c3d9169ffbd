import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api, type TicketRow } from './api';
import { flow, launch, poll, session, shot } from './browser';
import { expectChineseOnly } from './chinese-only';
import { freePort, startEnv, stopGroup, waitHealthy } from './global-setup';

// The README's demo path as a newcomer walks it, on a database of its own (the suite's server has its
// own tenant and people): `npm run demo`, then `npm start`; sign in with the account the demo printed;
// the README's API example, its swaks mail and its mosquitto_pub alarm — the real clients, as printed
// but for the ports — become tickets in the tenant the administrator sees; and every page visited is
// in Chinese only.

const env = inject('e2e');
const ROOT = resolve(import.meta.dirname, '../../..');
const HOST = '127.0.0.1';
const README = { email: 'admin@example.com', password: 'Lantern-river-58' };
/** Latin words the demo's data puts on screen: people's names and device brands. */
const DEMO_WORDS = [/^(Emily|Chen|Tom|Baker|Sarah|Miller|David|Wong|Priya|Nair|Michael|Brown|Lisa|Zhang)$/, /^(LaserJet|ThinkPad|Carbon|OptiPlex|LEHY-III|Acme|Trading|Ltd|Northwind|Logistics)$/];
/** People's words on a ticket page: its title, requester, description and comments. */
const TICKET_CONTENT = ['[data-testid="ticket-title"]', '[data-testid="ticket-requester"]', '.gd-comment-body'];
/** The queue's rows hold what customers wrote (the demo has English tickets): data, not the interface; its headers are checked. */
const QUEUE_CONTENT = ['[data-testid="ticket-table"] .ant-table-tbody'];

let browser: Browser | null = null;
let child: ChildProcess | null = null;
let dataDir = '';
let url = '';
let smtpPort = 0;
let mqttPort = 0;
let printed = '';
let adminPage: Page | null = null;

/** Runs a command to its end; its output, or a failure with it. */
function run(cmd: string, args: string[], runEnv: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, args, { cwd: ROOT, env: runEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('error', fail);
    p.on('close', (code) => {
      clearTimeout(timer);
      ok({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  if (env.problem) throw new Error(env.problem);
  dataDir = mkdtempSync(join(tmpdir(), 'gongdan-readme-'));
  const port = await freePort();
  smtpPort = await freePort();
  mqttPort = await freePort();
  url = `http://${HOST}:${port}`;
  const runEnv = startEnv({ DATA_DIR: dataDir, PORT: String(port), HOST, SMTP_HOST: HOST, SMTP_PORT: String(smtpPort), MQTT_HOST: HOST, MQTT_PORT: String(mqttPort), LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '200', INTAKE_POLL_MS: '200', INTELLIGENCE_RETRAIN_MINUTES: '0' });
  // README: `npm run demo` (fewer tickets than its 300, to spare a shared machine), then `npm start`
  const demo = await run('npm', ['run', '--silent', 'demo', '--', '--tickets', '120'], runEnv, 600_000);
  expect(demo.code, demo.stderr).toBe(0);
  printed = demo.stdout;
  const logFile = join(env.artifacts, 'readme-demo-server.log');
  child = spawn(process.execPath, ['--import', 'tsx', '--import', join(import.meta.dirname, 'exit-with-parent.mjs'), 'packages/server/src/main.ts'], { cwd: ROOT, env: runEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(logFile);
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  await waitHealthy(url, child, logFile, 180_000);
  browser = await launch(env);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    stopGroup(child, 'SIGTERM');
    const timer = setTimeout(() => stopGroup(child!, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

const b = () => browser;
const here = { ...env, get baseURL() { return url; } };

/** The administrator's page, signed in through the sign-in form by the first flow. */
async function admin(): Promise<Page> {
  if (!adminPage || adminPage.isClosed()) adminPage = (await session(browser!, here, { ...README, name: '', id: '' })).page;
  return adminPage;
}

/** The newest ticket of a channel whose title has these words. */
async function findTicket(api: Api, channel: string, words: string): Promise<TicketRow | undefined> {
  return (await api.get<{ items: TicketRow[] }>(`/tickets?channel=${channel}&sort=-created_at&limit=20`)).items.find((t) => t.title.includes(words));
}

async function openTicket(page: Page, t: TicketRow) {
  await page.goto(`/tickets/${t.number}`);
  await page.getByTestId('ticket-detail').waitFor();
  await page.getByTestId('side-panel').waitFor();
  await page.getByTestId('ticket-title').getByText(t.title).waitFor();
}

describe('the README\'s demo path', () => {
  flow(b, here, 'R1', 'npm run demo 打印中文和英文的登录账号；用打印的管理员账号登录，工单列表只有中文', async () => {
    expect(printed).toContain('登录控制台 / Sign in:');
    const line = printed.split('\n').find((l) => l.includes('管理员 administrator'))!;
    const [, email, password] = /(\S+@\S+)\s+密码 \/ password (\S+)/.exec(line)!;
    expect({ email, password }).toEqual(README);
    expect(printed).toMatch(/坐席 agent +张伟 +zhang\.wei@example\.com/);
    expect(printed).toContain('发往 support@example.com 的邮件成为工单');

    const page = await admin();
    await page.context().clearCookies();
    await page.goto('/login');
    await page.getByTestId('sign-in-email').fill(email);
    await page.getByTestId('sign-in-password').fill(password);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL(/\/tickets/);
    await page.getByTestId('list-loaded').waitFor({ state: 'attached' });
    await shot(here, page, 'readme-queue');
    await expectChineseOnly(page, { allow: DEMO_WORDS, skip: QUEUE_CONTENT });
  });

  flow(b, here, 'R2', 'README 的 API 示例：用 README 的管理员登录，建工单，按“打印机”搜到', async () => {
    const api = await Api.signIn(url, README.email, README.password);
    const created = await api.post<TicketRow>(
      '/tickets',
      { title: '打印机无法连接网络', description: '财务部打印机从昨天开始脱机', requester: { name: '张三', phone: '13812345678' }, priority: 'high' },
      { 'Idempotency-Key': '7c0d2c1e' },
    );
    expect(created.number).toBeGreaterThan(10000);
    const found = (await api.get<{ items: TicketRow[] }>(`/tickets?q=${encodeURIComponent('打印机')}`)).items;
    expect(found.map((t) => t.id)).toContain(created.id);
    const page = await admin();
    await openTicket(page, created);
    await expectChineseOnly(page, { allow: DEMO_WORDS, skip: TICKET_CONTENT });
  });

  flow(b, here, 'R3', 'README 的 swaks 邮件成为管理员所见租户的工单', async () => {
    const mail = await run('swaks', ['--server', `127.0.0.1:${smtpPort}`, '--to', 'support@example.com', '--from', 'wangfang@example.cn', '--header', 'Subject: 三楼打印机卡纸', '--body', '打印机又卡纸了，麻烦尽快处理。'], startEnv(), 60_000);
    expect(mail.code, mail.stdout + mail.stderr).toBe(0);
    expect(mail.stdout).not.toContain('no mailbox here');
    const api = await Api.signIn(url, README.email, README.password);
    await poll(async () => (await findTicket(api, 'email', '三楼打印机卡纸'))?.title).toBe('三楼打印机卡纸');
    const page = await admin();
    await openTicket(page, (await findTicket(api, 'email', '三楼打印机卡纸'))!);
    await shot(here, page, 'readme-mail-ticket');
    await expectChineseOnly(page, { allow: DEMO_WORDS, skip: TICKET_CONTENT });
  });

  flow(b, here, 'R4', 'README 的 mosquitto_pub 告警（租户 default）成为工单', async () => {
    const api = await Api.signIn(url, README.email, README.password);
    const { key } = await api.post<{ key: string }>('/iot/keys', { name: '门禁' });
    const alarm = await run(
      'mosquitto_pub',
      ['-h', '127.0.0.1', '-p', String(mqttPort), '-q', '1', '-u', 'default', '-P', key, '-t', 'gongdan/default/devices/SN-1001/alarm', '-m', '{"code":"E21","message":"门锁故障","severity":"critical","ts":"2026-11-22T08:00:00Z"}'],
      startEnv(),
      60_000,
    );
    expect(alarm.code, alarm.stderr).toBe(0);
    await poll(async () => (await findTicket(api, 'iot', 'SN-1001'))?.title ?? '').toContain('SN-1001');
    const page = await admin();
    await openTicket(page, (await findTicket(api, 'iot', 'SN-1001'))!);
    await shot(here, page, 'readme-alarm-ticket');
    await expectChineseOnly(page, { allow: DEMO_WORDS, skip: TICKET_CONTENT });
  });

  flow(b, here, 'R5', '管理：智能分类说明准确率基于多少张留出工单，太少时提醒；渠道和设备页只有中文', async () => {
    const page = await admin();
    await page.goto('/admin/intelligence');
    const card = page.getByTestId('intel-model-category');
    await card.waitFor();
    const heldOut = Number(/基于 (\d+) 张留出工单/.exec(await page.getByTestId('intel-heldout-category').innerText())![1]);
    expect(heldOut).toBeGreaterThan(0);
    expect(heldOut).toBeLessThan(100);
    await page.getByTestId('intel-few-heldout-category').getByText(`只有 ${heldOut} 张留出工单`, { exact: false }).waitFor();
    expect(await page.getByTestId('intel-accuracy-category').innerText()).not.toContain('100%');
    await shot(here, page, 'readme-intelligence');
    await expectChineseOnly(page, { allow: DEMO_WORDS });
    // the devices' names, models and addresses are the customers' words (约克 YK 离心式), not the console's
    for (const [path, shown, skip] of [['/admin/channels', '客服邮箱', []], ['/assets', 'ELV-CD-0701', ['td.gd-asset-data']]] as const) {
      await page.goto(path);
      await page.getByText(shown).first().waitFor();
      await expectChineseOnly(page, { allow: DEMO_WORDS, skip: [...skip] });
    }
  });

  flow(b, here, 'R6', 'README 的自助门户 /portal/default：用中文搜到演示文章并打开', async () => {
    const page = await admin();
    await page.goto('/portal/default');
    await page.getByTestId('portal-title').getByText('华南工单服务中心').waitFor();
    await page.getByTestId('portal-search').fill('打印机老是卡纸');
    await page.getByTestId('portal-search-go').click();
    await page.getByTestId('portal-hits').getByText('打印机卡纸怎么处理').first().click();
    await page.getByTestId('portal-article').getByText('搓纸轮').first().waitFor();
    await shot(here, page, 'readme-portal-article');
  });
});
