import { Api } from './api';
import type { E2eEnv } from './env';

// The dispatch world of the browser tests, through the public API: a category 电梯故障 with a manual
// policy (tickets wait for a dispatcher) and an on-site rule needing 电梯维修 level 3, three engineers around Shanghai (one with a live
// position, one at home, one whose skill is too low), and on-site tickets with their sites.

export interface Engineer {
  id: string;
  name: string;
  email: string;
  password: string;
}
export interface SeededTicket {
  id: string;
  number: number;
  title: string;
}

const PASSWORD = 'Engineer-e2e-12345';

async function engineer(api: Api, name: string, email: string, profile: Record<string, unknown>): Promise<Engineer> {
  const u = await api.post<{ id: string }>('/users', { email, name, password: PASSWORD, role: 'engineer', locale: 'zh-CN' });
  await api.call('PUT', `/dispatch/profiles/${u.id}`, { status: 'available', shift: null, capacity: { field: 5 }, ...profile });
  return { id: u.id, name, email, password: PASSWORD };
}

export async function seedDispatch(env: E2eEnv) {
  const api = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
  // scoped to a category of its own: the other browser tests share this server and its tickets
  const category = await api.post<{ id: string }>('/categories', { nameZh: '电梯故障' });
  await api.call('PUT', '/dispatch/policies', { scope: 'category', scopeId: category.id, mode: 'manual', acceptTimeoutS: 3600 });
  await api.post('/dispatch/rules', { name: '电梯故障须电梯维修 3 级', conditions: { categoryIds: [category.id] }, requirements: { skill: '电梯维修', level: 3, onSite: true } });
  const zhang = await engineer(api, '张伟', 'zhangwei@example.com', { skills: { 电梯维修: 4 }, home: { lat: 31.3, lng: 121.5 } });
  const liu = await engineer(api, '刘洋', 'liuyang@example.com', { skills: { 电梯维修: 3 }, home: { lat: 31.12, lng: 121.62 } });
  const chen = await engineer(api, '陈静', 'chenjing@example.com', { skills: { 电梯维修: 2 }, home: { lat: 31.18, lng: 121.3 } });
  // their own team, given to the tickets: with the demo loaded (readme-demo runs first on this server) the
  // trained models would put the tickets in a demo team that none of them is in
  const team = await api.post<{ id: string }>('/teams', { name: '电梯故障现场组', memberIds: [zhang.id, liu.id, chen.id] });
  // 张伟's phone reports where he is
  const zhangApi = await Api.signIn(env.serverURL, zhang.email, zhang.password);
  await zhangApi.post('/me/location', { lat: 31.235, lng: 121.475, accuracy: 15 });
  await api.post('/dispatch/outlets', { name: '浦东服务网点', lat: 31.22, lng: 121.55, address: '上海市浦东新区张杨路 500 号' }).catch(() => undefined);

  const ticket = async (title: string, lat: number, lng: number, address: string, priority = 'high'): Promise<SeededTicket> => {
    const t = await api.post<{ id: string; number: number }>('/tickets', { title, description: `<p>${title}，请尽快安排工程师上门</p>`, requester: { name: '物业周经理', phone: '13800138000' }, priority, categoryId: category.id, teamId: team.id, site: { lat, lng, address } });
    return { id: t.id, number: t.number, title };
  };
  const tickets = {
    click: await ticket('静安 8 号楼电梯困人', 31.23, 121.44, '上海市静安区南京西路 1000 号'),
    drag: await ticket('徐汇商场扶梯异响', 31.19, 121.43, '上海市徐汇区漕溪北路 200 号', 'urgent'),
    accept: await ticket('浦东小区电梯门不关', 31.24, 121.53, '上海市浦东新区世纪大道 100 号'),
    decline: await ticket('杨浦写字楼电梯年检', 31.27, 121.52, '上海市杨浦区国定路 300 号', 'normal'),
  };
  return { api, zhangApi, zhang, liu, chen, tickets };
}

export interface TicketDispatchRow {
  current: { userId: string; state: string; mode: string; overrideReason: string | null } | null;
  history: { userId: string; state: string; endReason: string | null }[];
}
