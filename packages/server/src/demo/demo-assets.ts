import type { Deps } from '../platform/deps';
import { createAsset, findAssetBySerial, updateAsset } from '../modules/assets';
import { createOrganization } from '../modules/customers';
import type { Actor } from '../modules/identity';
import type { OrgKey } from './data';

// 设备 for field service: 国贸大厦 in Beijing with its three lifts, an escalator and the central air
// conditioning, owned by its property company; and the Shenzhen Bay towers above the lifts the demo's
// alarms come from (ELV-SZ-…), so a building → lift hierarchy and QR labels are there to try.

const GUOMAO = { address: '北京市朝阳区建国门外大街1号 国贸大厦', lat: 39.9087, lng: 116.4605 };
const T1 = { address: '广东省深圳市南山区科苑南路 深圳湾一号 T1 栋', lat: 22.5176, lng: 113.9446 };
const T2 = { address: '广东省深圳市南山区科苑南路 深圳湾一号 T2 栋', lat: 22.5181, lng: 113.9452 };

/** YYYY-MM-DD `days` after a date. */
const day = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** Creates the demo's assets unless they exist (a second run keeps them); how many it created. */
export async function createDemoAssets(deps: Deps, admin: Actor, orgIds: Map<OrgKey, string>): Promise<number> {
  const exists = await deps.db.tenant(admin.tenantId, (q) => findAssetBySerial(q, 'GM-BLDG-01'));
  if (exists) return 0;
  const now = deps.clock.now();
  const guomao = await createOrganization(deps, admin, { name: '中国国际贸易中心物业管理有限公司', tier: 'key_account', domain: 'cwtc-pm.example.com' });
  const building = await createAsset(deps, admin, { serial: 'GM-BLDG-01', name: '国贸大厦', productLine: '楼宇', organizationId: guomao.id, installedOn: '2010-06-18', ...GUOMAO });
  const under = { parentId: building.id, organizationId: guomao.id, ...GUOMAO };
  const made = [
    await createAsset(deps, admin, { serial: 'GM-ELV-01', name: '国贸大厦 1 号客梯', model: '奥的斯 GeN2', productLine: '电梯', installedOn: '2022-04-01', warrantyEnd: day(now, 20), ...under }),
    await createAsset(deps, admin, { serial: 'GM-ELV-02', name: '国贸大厦 2 号客梯', model: '奥的斯 GeN2', productLine: '电梯', installedOn: '2022-04-01', warrantyEnd: day(now, 400), ...under }),
    await createAsset(deps, admin, { serial: 'GM-ELV-03', name: '国贸大厦 3 号货梯', model: '三菱 LEHY-III', productLine: '电梯', installedOn: '2019-09-12', warrantyEnd: day(now, -200), ...under }),
    await createAsset(deps, admin, { serial: 'GM-ESC-01', name: '国贸大厦 大堂自动扶梯', model: '迅达 9300AE', productLine: '扶梯', installedOn: '2021-01-15', warrantyEnd: day(now, 90), ...under }),
    await createAsset(deps, admin, { serial: 'GM-HVAC-01', name: '国贸大厦 中央空调冷水机组', model: '约克 YK 离心式', productLine: '空调', installedOn: '2018-05-20', warrantyEnd: day(now, -30), ...under }),
  ];
  // the Shenzhen Bay towers above the lifts that send the demo's alarms
  const vanke = orgIds.get('vanke') ?? null;
  const towers = [
    { serial: 'SZW-T1', name: '深圳湾一号 T1 栋', lifts: ['ELV-SZ-0101', 'ELV-SZ-0102'], at: T1 },
    { serial: 'SZW-T2', name: '深圳湾一号 T2 栋', lifts: ['ELV-SZ-0201'], at: T2 },
  ];
  for (const tw of towers) {
    const tower = await createAsset(deps, admin, { serial: tw.serial, name: tw.name, productLine: '楼宇', organizationId: vanke, ...tw.at });
    made.push(tower);
    for (const serial of tw.lifts) {
      const lift = await deps.db.tenant(admin.tenantId, (q) => findAssetBySerial(q, serial));
      if (lift) await updateAsset(deps, admin, lift.id, { parentId: tower.id, productLine: '电梯', installedOn: '2020-11-01', warrantyEnd: day(now, 180), ...tw.at });
    }
  }
  return made.length + 1;
}
