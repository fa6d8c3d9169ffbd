import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

type Event = { id: string; kind: string; internal: boolean; data: Record<string, unknown> };

describe('ticket timeline paging, oldest or newest first', () => {
  let t: TestApp;
  let acme: TestTenant;
  let customer: Awaited<ReturnType<typeof createCustomer>>;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('时间线测试');
    customer = await createCustomer(t, acme.adminToken, '陈静');
    for (let i = 1; i <= 7; i++) {
      const res = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${customer.ticket.id}/comments`, { body: `<p>第${i}次跟进：已联系机房</p>`, internal: i % 3 === 0 });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  async function all(token: string, order: 'asc' | 'desc' | undefined, limit: number) {
    const seen: Event[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const qs = new URLSearchParams({ limit: String(limit), ...(order ? { order } : {}), ...(after ? { after } : {}) });
      const res = await t.api(token, 'GET', `/api/v1/tickets/${customer.ticket.id}/events?${qs}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: Event[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items);
      after = page.nextCursor;
      pages++;
    } while (after && pages < 50);
    return { seen, pages };
  }

  it('pages newest first with order=desc, the cursor going on towards older events', async () => {
    const asc = await all(acme.adminToken, undefined, 500);
    expect(asc.seen.length).toBe(8); // the creation and seven comments
    expect(asc.seen[0].kind).toBe('ticket.created');
    expect(asc.seen.map((e) => e.id)).toEqual([...asc.seen.map((e) => e.id)].sort());

    const first = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${customer.ticket.id}/events?order=desc&limit=3`)).json();
    expect(first.items.map((e: Event) => e.id)).toEqual(asc.seen.slice(-3).reverse().map((e) => e.id));
    expect(JSON.stringify(first.items[0].data)).toContain('第7次跟进');
    expect(first.nextCursor).toBe(first.items[2].id);

    const desc = await all(acme.adminToken, 'desc', 3);
    expect(desc.pages).toBe(3);
    expect(desc.seen.map((e) => e.id)).toEqual(asc.seen.map((e) => e.id).reverse());
    // ascending is still the default, and paging it gives the same as one page
    expect((await all(acme.adminToken, 'asc', 3)).seen.map((e) => e.id)).toEqual(asc.seen.map((e) => e.id));
  });

  it('keeps internal notes from customers in either order', async () => {
    const staff = (await all(acme.adminToken, 'desc', 500)).seen;
    const mine = await all(customer.token, 'desc', 2);
    expect(mine.seen.map((e) => e.id)).toEqual(staff.filter((e) => !e.internal).map((e) => e.id));
    expect(mine.seen.length).toBe(6);
  });

  it('gives the same timeline by the ticket\'s number as by its id (a page at /tickets/:number asks for both at once)', async () => {
    const ticket = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${customer.ticket.id}`)).json() as { number: number };
    const byId = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${customer.ticket.id}/events?limit=4`)).json();
    const byNumber = await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.number}/events?limit=4`);
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.json()).toEqual(byId);
    // the customer's view by number still leaves out internal notes
    const mine = (await t.api(customer.token, 'GET', `/api/v1/tickets/${ticket.number}/events?limit=500`)).json() as { items: Event[] };
    expect(mine.items.length).toBe(6);
    for (const ref of ['99999999', 'not-a-ticket']) expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ref}/events`)).statusCode, ref).toBe(404);
    // another tenant's number is not this tenant's ticket
    const other = await t.tenant('时间线别家');
    expect((await t.api(other.adminToken, 'GET', `/api/v1/tickets/${ticket.number}/events`)).statusCode).toBe(404);
  });

  it('refuses an unknown order', async () => {
    const res = await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${customer.ticket.id}/events?order=newest`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('order');
  });
});
