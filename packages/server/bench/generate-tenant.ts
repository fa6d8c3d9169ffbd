// The generated tenant's people: the tenant, its teams, staff and category tree, then organisations and contacts.
import type { Database } from '../src/platform/db/database';
import { catalogRepository } from '../src/modules/catalog/catalog-repository';
import { createTenant } from '../src/modules/identity/create-tenant';
import { teamRepository } from '../src/modules/identity/team-repository';
import { userRepository } from '../src/modules/identity/user-repository';
import { uuidv7 } from '../src/platform/ids';
import { CONTACTS, DAY, ORGS, type Ids } from './generate-rows';
import { bulk } from './generate-sql';
import { BENCH_ADMIN } from './lib/server';
import { pick, personName, type Rng } from './lib/texts';

/** The tenant (the product's createTenant use case), then its teams, staff and category tree through their repositories. */
export async function createStaff(db: Database, rng: Rng) {
  const { tenant, admin } = await createTenant(db, { name: '压测租户', slug: 'bench', adminEmail: BENCH_ADMIN.email, adminPassword: BENCH_ADMIN.password, adminName: '压测管理员' });
  const tenantId = tenant.id;
  const teamNames = ['一线支持', '二线支持', '网络组', '硬件维修', '软件应用', '现场服务', '财务系统', 'VIP服务'];
  const teamIds: string[] = [];
  const agents: { id: string; name: string; team: number }[] = [];
  const rootCategoryIds: string[] = [];
  const categoryIds: string[] = [];
  await db.tenant(tenantId, async (q) => {
    for (const name of teamNames) {
      const id = uuidv7();
      await teamRepository.insert(q, { id, tenantId, name, description: `${name}团队`, skills: [] });
      teamIds.push(id);
    }
    for (let i = 0; i < 48; i++) {
      const name = `${personName(rng)}${i}`;
      const u = await userRepository.insert(q, {
        id: uuidv7(),
        tenant_id: tenantId,
        email: `agent${i}@bench.example.com`,
        name,
        phone: null,
        role: i % 12 === 0 ? 'supervisor' : 'agent',
        scope: 'all',
        password_hash: null,
        locale: 'zh-CN',
        contact_id: null,
      });
      agents.push({ id: u.id, name, team: i % teamIds.length });
    }
    for (let t = 0; t < teamIds.length; t++)
      await teamRepository.setMembers(q, tenantId, teamIds[t], agents.filter((a) => a.team === t).map((a) => a.id));
    const roots = ['IT设备', '网络与通信', '办公软件', '楼宇设施', '财务与报销', '人事服务'];
    for (const [ri, root] of roots.entries()) {
      const r = await catalogRepository.insertCategory(q, { id: uuidv7(), tenant_id: tenantId, parent_id: null, name_zh: root, name_en: '', position: ri, active: true });
      rootCategoryIds.push(r.id);
      categoryIds.push(r.id);
      for (let c = 0; c < 4; c++) {
        const child = await catalogRepository.insertCategory(q, { id: uuidv7(), tenant_id: tenantId, parent_id: r.id, name_zh: `${root}-子类${c + 1}`, name_en: '', position: c, active: true });
        categoryIds.push(child.id);
        for (let g = 0; g < 2; g++) {
          const leaf = await catalogRepository.insertCategory(q, { id: uuidv7(), tenant_id: tenantId, parent_id: child.id, name_zh: `${root}-子类${c + 1}-${g + 1}`, name_en: '', position: g, active: true });
          categoryIds.push(leaf.id);
        }
      }
    }
  });
  return { tenant, admin, tenantId, teamIds, agents, rootCategoryIds, categoryIds };
}

/** The organisations and contacts (each with an email identity), loaded in bulk. */
export async function createContacts(db: Database, rng: Rng, ids: Ids, tenantId: string, start: number) {
  const orgIds = Array.from({ length: ORGS }, () => ids.at(start - 30 * DAY));
  const contactIds: string[] = [];
  const contactOrg: (string | null)[] = [];
  const contactNames: string[] = [];
  await bulk(db, (q) =>
    q.query(`INSERT INTO organizations (id, tenant_id, name, tier) SELECT u.id, $1, u.name, 'standard' FROM unnest($2::uuid[], $3::text[]) AS u(id, name)`, [
      tenantId,
      orgIds,
      orgIds.map((_, i) => `${pick(rng, ['华东', '华南', '华北', '西南'])}客户${i}有限公司`),
    ]),
  );
  for (let i = 0; i < CONTACTS; i++) {
    contactIds.push(ids.at(start - 30 * DAY + i));
    contactOrg.push(rng() < 0.6 ? orgIds[Math.floor(rng() * ORGS)] : null);
    contactNames.push(personName(rng));
  }
  for (let i = 0; i < CONTACTS; i += 10_000) {
    const sl = (a: unknown[]) => a.slice(i, i + 10_000);
    const ci = sl(contactIds) as string[];
    await bulk(db, async (q) => {
      await q.query(
        `INSERT INTO contacts (id, tenant_id, organization_id, name) SELECT u.id, $1, u.org, u.name FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS u(id, org, name)`,
        [tenantId, ci, sl(contactOrg), sl(contactNames)],
      );
      await q.query(
        `INSERT INTO contact_identities (id, tenant_id, contact_id, kind, value) SELECT u.id, $1, u.contact, 'email', u.email FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS u(id, contact, email)`,
        [tenantId, ci.map(() => ids.at(start - 30 * DAY)), ci, ci.map((_, k) => `kehu${i + k}@example.cn`)],
      );
    });
  }
  return { contactIds, contactOrg };
}
