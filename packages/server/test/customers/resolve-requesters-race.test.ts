import { afterAll, beforeAll, expect, it } from 'vitest';
import { resolveRequester, type ResolvedRequester } from '../../src/modules/customers/resolve-requesters';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// Two first contacts from one person committing at the same moment: one request knows the email only,
// the other the email and the phone. The second one's contact loses the race on the email; the phone it
// did write must end up on the contact that stays. Only PostgreSQL runs the two transactions at once.
let t: TestApp;
let acme: TestTenant;
beforeAll(async () => {
  t = await startTestApp();
  acme = await t.tenant('竞态联系人');
});
afterAll(() => t.close());

it.runIf(process.env.GONGDAN_TEST_DB === 'postgres')('keeps the phone of a contact that lost the race on its email', async () => {
  let release!: () => void;
  const firstWrote = new Promise<void>((resolve) => (release = resolve));
  let letFirstCommit!: () => void;
  const commitFirst = new Promise<void>((resolve) => (letFirstCommit = resolve));
  const first = t.db.tenant(acme.id, async (q) => {
    const r = await resolveRequester(q, acme.id, { name: '王芳', email: 'wangfang@race.example.cn' });
    release();
    await commitFirst; // holds its uncommitted email identity while the second request runs
    return r;
  });
  await firstWrote;
  const second = t.db.tenant(acme.id, (q) => resolveRequester(q, acme.id, { name: '王芳', email: 'WangFang@race.example.cn', phone: '138 0013 8111' }));
  await new Promise((r) => setTimeout(r, 300)); // the second now waits on the first's email row
  letFirstCommit();
  const [a, b]: ResolvedRequester[] = await Promise.all([first, second]);
  expect(b.contactId).toBe(a.contactId);
  const contact = (await t.api(acme.adminToken, 'GET', `/api/v1/contacts/${a.contactId}`)).json();
  expect(contact.identities).toEqual(expect.arrayContaining([{ kind: 'email', value: 'wangfang@race.example.cn' }, { kind: 'phone', value: '13800138111' }]));
  const wangs = (await t.api(acme.adminToken, 'GET', `/api/v1/contacts?q=${encodeURIComponent('王芳')}`)).json().items;
  expect(wangs).toHaveLength(1);
});
