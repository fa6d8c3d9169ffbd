// Assets as the server answers them, for the page's tests.
export const BUILDING = '0190a0a0-0000-7000-8000-0000000000b1';
export const LIFT = '0190a0a0-0000-7000-8000-0000000000a1';
export const CONTACT = '0190a0a0-0000-7000-8000-0000000000c1';

const base = {
  model: null, name: null, productLine: null, ownerContactId: null, ownerName: null, organizationId: null, organizationName: null, parentId: null, parentName: null,
  children: 0, address: null, lat: null, lng: null, installedOn: null, warrantyEnd: null, warrantyState: null, confirmed: true,
  createdAt: '2026-11-20T08:00:00Z', updatedAt: '2026-11-20T08:00:00Z',
};
export const building = { ...base, id: BUILDING, serial: 'GM-BLDG-01', name: '国贸大厦', productLine: '楼宇', organizationName: '国贸物业', children: 3, address: '北京市朝阳区建国门外大街1号', lat: 39.9087, lng: 116.4605 };
export const lift = {
  ...base, id: LIFT, serial: 'GM-ELV-01', name: '1 号电梯', model: '奥的斯 GeN2', productLine: '电梯', parentId: BUILDING, parentName: '国贸大厦', organizationName: '国贸物业',
  address: '北京市朝阳区建国门外大街1号', warrantyEnd: '2026-12-20', warrantyState: 'expiring', confirmed: false,
};
export const liftDetail = {
  ...lift,
  ancestors: [{ id: BUILDING, serial: 'GM-BLDG-01', name: '国贸大厦' }],
  childAssets: [],
  tickets: [{ id: 't2', number: 1025, title: '1 号电梯困人', status: 'open', priority: 'urgent', channel: 'portal', tags: [], assigneeId: null, createdAt: '2026-11-21T08:00:00Z', resolvedAt: null }],
  alarms: [{ id: 'd1', code: 'E21', severity: 'critical', count: 3, firstAt: '2026-11-20T08:00:00Z', lastAt: '2026-11-20T08:30:00Z', state: 'open', recoveredAt: null, ticket: { id: 't1', number: 1024, title: '设备 GM-ELV-01 告警 E21：门锁故障', status: 'new' } }],
  qrLink: 'https://kefu.example.cn/portal/guomao/new?asset=0123456789abcdef0123456789abcdef',
};
export const label = (a: { id: string; serial: string; name: string | null }) => ({ id: a.id, serial: a.serial, name: a.name, model: null, address: null, link: liftDetail.qrLink, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' });
