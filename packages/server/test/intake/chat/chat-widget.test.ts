import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatPlugin } from '../../../src/modules/intake/chat/chat-plugin';
import { startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';
import type { TestTenant } from '../../support/test-app';

// The widget script in a real Chromium on a customer's page (another origin): a visitor chats, the
// conversation becomes a ticket, the agent's reply appears, and after a reload the transcript is back.
// Browser behaviour does not depend on the database: run on PGlite only.
let t: IntakeTestApp;
let tenant: TestTenant;
let key: string;
let server: string;
let browser: Browser;

let shop: Server;
let shopUrl: string;

const shopPage = async (locale: string): Promise<Page> => {
  const page = await (await browser.newContext({ locale })).newPage();
  await page.goto(shopUrl);
  return page;
};

describe.skipIf(process.env.GONGDAN_TEST_DB === 'postgres')('chat widget in Chromium', () => {
  beforeAll(async () => {
    t = await startIntakeTestApp({ plugins: [chatPlugin] });
    tenant = await t.tenant();
    const ch = (await t.api(tenant.adminToken, 'POST', '/api/v1/channels', { kind: 'chat', name: '商城客服' })).json();
    key = (await t.api(tenant.adminToken, 'POST', `/api/v1/channels/${ch.id}/public-key`)).json().address;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    server = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    // the customer's site: its own HTTP server, another origin than the Gongdan server
    shop = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><meta charset="utf-8"><title>商城</title></head><body><h1>示例商城</h1><script src="${server}/widget/chat.js" data-key="${key}" async></script></body></html>`);
    });
    await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
    shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => shop?.close(r));
    await t?.close();
  });

  it('chats from a customer page: message stored and acknowledged, ticket made, agent reply shown, transcript back after a reload', async () => {
    const page = await shopPage('zh-CN');
    await page.getByRole('button', { name: '在线客服' }).click();
    await page.getByPlaceholder('姓名').fill('周敏');
    await page.getByPlaceholder('邮箱').fill('zhoumin@example.cn');
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByPlaceholder('请输入您的问题…').fill('发票抬头开错了，能重开吗？');
    await page.keyboard.press('Enter');
    // "发送中…" becomes "我" once the server has stored it
    await page.locator('.msg.visitor .meta', { hasText: /^我$/ }).waitFor({ timeout: 10_000 });
    await t.settle();

    const conversationId = await page.evaluate((k) => JSON.parse(localStorage.getItem(`gongdan-chat:${k}`)!).conversationId, key);
    const [thread] = await t.db.system((q) => q.query<{ ticket_id: string }>('SELECT ticket_id FROM intake_threads WHERE key = $1', [`chat:${conversationId}`]));
    const ticket = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${thread.ticket_id}`)).json();
    expect(ticket).toMatchObject({ channel: 'chat', requesterName: '周敏', title: '在线咨询：发票抬头开错了，能重开吗？' });

    await t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>可以，请提供正确的抬头和税号</p>' });
    await t.settle();
    await page.locator('.msg.agent', { hasText: '可以，请提供正确的抬头和税号' }).waitFor({ timeout: 10_000 });

    await page.reload();
    await page.getByRole('button', { name: '在线客服' }).click();
    await page.locator('.msg.agent', { hasText: '可以，请提供正确的抬头和税号' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.msg .bubble').allTextContents()).toEqual(['发票抬头开错了，能重开吗？', '可以，请提供正确的抬头和税号']);
    expect(await page.locator('.head span').textContent()).toContain(`#${ticket.number}`);
  });

  it('speaks English to a browser that is not set to Chinese', async () => {
    const page = await shopPage('en-US');
    await page.getByRole('button', { name: 'Chat with us' }).click();
    expect(await page.getByPlaceholder('Type your question…').isVisible()).toBe(true);
  });
});
