import { describe, expect, it } from 'vitest';
import { dispatchMapEn } from './dispatch-map.en';
import { dispatchMapZhCN } from './dispatch-map.zh-CN';
import { en as enBase } from './en';
import { dispatchEn } from './dispatch.en';
import { dispatchZhCN } from './dispatch.zh-CN';
import { importsEn } from './imports.en';
import { importsZhCN } from './imports.zh-CN';
import { intakeEn } from './intake.en';
import { intakeZhCN } from './intake.zh-CN';
import { intelEn } from './intelligence.en';
import { intelZhCN } from './intelligence.zh-CN';
import { kbEn } from './knowledge.en';
import { kbZhCN } from './knowledge.zh-CN';
import { slaEn } from './sla.en';
import { slaZhCN } from './sla.zh-CN';
import { zhCN as zhBase } from './zh-CN';
import { assistEn } from './assist.en';
import { assistZhCN } from './assist.zh-CN';
import { portalAdminEn, portalEn } from './portal.en';
import { portalAdminZhCN, portalZhCN } from './portal.zh-CN';
import { maintenanceEn } from './maintenance.en';
import { maintenanceZhCN } from './maintenance.zh-CN';
import { inventoryEn } from './inventory.en';
import { inventoryZhCN } from './inventory.zh-CN';
import { assetsEn } from './assets.en';
import { assetsZhCN } from './assets.zh-CN';

// the texts as index.ts loads them: the main files plus the intake, intelligence and import parts
const zhCN = { ...zhBase, intake: intakeZhCN, intel: intelZhCN, imports: importsZhCN, dispatch: dispatchZhCN, dispatchMap: dispatchMapZhCN, sla: slaZhCN, assist: assistZhCN, kb: kbZhCN, portalAdmin: portalAdminZhCN, portal: portalZhCN, assets: assetsZhCN, inv: inventoryZhCN, maintenance: maintenanceZhCN };
const en = { ...enBase, intake: intakeEn, intel: intelEn, imports: importsEn, dispatch: dispatchEn, dispatchMap: dispatchMapEn, sla: slaEn, assist: assistEn, kb: kbEn, portalAdmin: portalAdminEn, portal: portalEn, assets: assetsEn, inv: inventoryEn, maintenance: maintenanceEn };

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function leaves(o: object): string[] {
  return Object.values(o).flatMap((v) => (typeof v === 'object' && v ? leaves(v) : [v as string]));
}

describe('interface texts', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zh = keys(zhCN).sort();
    const eng = keys(en).sort();
    expect(eng.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !eng.includes(k))).toEqual([]);
  });

  it('no text is empty, and both use the same {{placeholders}}', () => {
    for (const v of [...leaves(zhCN), ...leaves(en)]) expect(v.trim()).not.toBe('');
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    // leaves computed once (per key it made this test quadratic: 30 s on a loaded machine)
    const zhLeaves = leaves(zhCN);
    const enLeaves = leaves(en);
    const zhMap = new Map(keys(zhCN).map((k, i) => [k, zhLeaves[i]]));
    const enMap = new Map(keys(en).map((k, i) => [k, enLeaves[i]]));
    for (const [k, v] of zhMap) expect([k, placeholders(enMap.get(k) ?? '')]).toEqual([k, placeholders(v)]);
  });

  it('uses the words Chinese service teams say', () => {
    expect(zhCN.status).toEqual({ new: '待受理', open: '处理中', pending: '待客户反馈', on_hold: '挂起', resolved: '已解决', closed: '已关闭' });
    expect(zhCN.timeline.internal).toBe('内部备注');
    expect(zhCN.field.watchers).toBe('关注人');
  });
});
