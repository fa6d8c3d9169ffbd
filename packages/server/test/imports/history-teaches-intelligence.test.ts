import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFor, retrainSweep } from '../../src/modules/intelligence';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// What the import promises, over HTTP: a new tenant brings last year's tickets from its old helpdesk,
// the models learn from them, and the first new ticket arrives with the right category and team.

/** Varied requests per category: a subject, what is wrong, since when, and how the customer closes. */
const WORDS: Record<string, { subjects: string[]; problems: string[] }> = {
  打印机: {
    subjects: ['财务部的打印机', '三楼的彩色打印机', '会议室旁边的复印机', '前台的针式打印机', 'HP 激光打印机', '共享打印机', '扫描仪'],
    problems: ['卡纸了，纸取不出来', '显示脱机，文件打印不出来', '打印出来有黑色条纹', '提示墨粉不足，需要更换硒鼓', '打印任务一直在队列里排队', '扫描出来全是空白页', '在电脑上找不到这台设备'],
  },
  网络: {
    subjects: ['办公室的无线网络', 'VPN', '三楼的有线网络', '会议室的 WiFi', '机房的交换机', '内网', '路由器'],
    problems: ['经常断线，几分钟掉一次', '连不上，提示认证失败', '速度很慢，网页半天打不开', '获取不到 IP 地址', 'DNS 解析失败，内部系统打不开', '网口的指示灯不亮', '信号很弱，走到窗边就断'],
  },
  账号密码: {
    subjects: ['OA 系统的账号', '电脑开机密码', 'ERP 登录账号', '域账号', '企业微信账号', '财务系统的权限', '考勤系统账号'],
    problems: ['忘记密码了，登录不上', '输错几次密码被锁定了', '密码过期了需要重置', '新员工入职需要开通', '员工离职需要注销', '权限不够，打不开审批页面', '登录时提示用户名不存在'],
  },
  邮件: {
    subjects: ['Outlook', '公司邮箱', '邮件客户端', '手机上的企业邮箱', '部门群发邮件', '邮件附件', '邮件签名'],
    problems: ['收不到外部客户的邮件', '发出去的邮件被退回了', '附件太大发不出去', '提示邮箱容量已满', '每天收到很多垃圾邮件', '同步很慢，新邮件半小时才到', '发件人显示成乱码'],
  },
};
const SINCE = ['今天上午开始', '从昨天下午起', '重启之后还是', '这周一直', '换了电脑以后', '月底赶报表的时候'];
const TAILS = ['麻烦尽快处理。', '请派人来看看，谢谢。', '比较急，影响工作了。', '辛苦了。', ''];
const REQUESTERS = [['张伟', 'zhangwei'], ['王芳', 'wangfang'], ['李娜', 'lina'], ['刘洋', 'liuyang'], ['陈静', 'chenjing'], ['杨磊', 'yanglei']];
const CATEGORY_REF: Record<string, string> = { 打印机: '硬件/打印机', 网络: '网络', 账号密码: '账号密码', 邮件: '邮件' };
const TEAM_OF: Record<string, string> = { 打印机: '桌面支持组', 账号密码: '桌面支持组', 网络: '网络运维组', 邮件: '网络运维组' };

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function history(n: number, seed: number, prefix: string) {
  const rnd = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const names = Object.keys(WORDS);
  const start = Date.parse('2025-03-01T00:00:00+08:00');
  return Array.from({ length: n }, (_, i) => {
    const category = names[i % names.length];
    const { subjects, problems } = WORDS[category];
    const subject = pick(subjects);
    const problem = pick(problems);
    const [name, mail] = pick(REQUESTERS);
    const createdAt = new Date(start + Math.floor(rnd() * 330 * 86_400_000));
    return {
      externalId: `${prefix}-${10000 + i}`,
      title: `${subject}${problem.split('，')[0]}`,
      description: `${pick(SINCE)}，${subject}${problem}。${pick(TAILS)}`,
      requester: { name, email: `${mail}@kehu.cn` },
      createdAt: createdAt.toISOString(),
      closedAt: new Date(createdAt.getTime() + Math.floor(rnd() * 3 * 86_400_000)).toISOString(),
      status: 'closed',
      priority: rnd() < 0.2 ? 'high' : 'normal',
      category: CATEGORY_REF[category],
      team: TEAM_OF[category],
    };
  });
}

describe('history imported from an old helpdesk teaches the intelligence', () => {
  let t: TestApp;
  let acme: TestTenant;
  const cat: Record<string, string> = {};
  const team: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('新上线的客户');
    const post = async (url: string, body: unknown) => (await t.api(acme.adminToken, 'POST', url, body)).json().id as string;
    const hardware = await post('/api/v1/categories', { nameZh: '硬件' });
    cat['打印机'] = await post('/api/v1/categories', { nameZh: '打印机', parentId: hardware });
    for (const name of ['网络', '账号密码', '邮件']) cat[name] = await post('/api/v1/categories', { nameZh: name });
    for (const name of ['桌面支持组', '网络运维组']) team[name] = await post('/api/v1/teams', { name });
  });
  afterAll(() => t.close());

  it('imports 300 historical tickets, trains on them and classifies the first new ticket', async () => {
    const tickets = history(300, 20260302, 'OLD');
    expect(new Set(tickets.map((x) => x.description)).size).toBeGreaterThan(250);
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/imports/tickets', { tickets });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 300, exists: 0, failed: 0 });

    const trained = await t.api(acme.adminToken, 'POST', '/api/v1/intelligence/models/train', {});
    expect(trained.statusCode, trained.body).toBe(200);
    const byTarget = Object.fromEntries(trained.json().models.map((m: { target: string }) => [m.target, m]));
    expect(byTarget.category).toMatchObject({ state: 'ready', examples: 300 });
    expect(byTarget.category.classes.map((c: { label: string }) => c.label).sort()).toEqual(['打印机', '账号密码', '邮件', '网络'].sort());
    expect(byTarget.category.accuracy).toBeGreaterThan(0.8);
    expect(byTarget.team).toMatchObject({ state: 'ready', examples: 300 });

    const cases: [string, string, string, string][] = [
      ['无线网络老是掉线', '我们办公室的 WiFi 今天一直断线，VPN 也连不上', '网络', '网络运维组'],
      ['打印机卡纸', '二楼的打印机又卡纸了，打印不出来', '打印机', '桌面支持组'],
    ];
    for (const [title, description, category, teamName] of cases) {
      const created = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title, description, requester: { name: '赵敏', email: 'zhaomin@kehu.cn' } });
      expect(created.statusCode, created.body).toBe(201);
      const ticket = created.json();
      expect(ticket).toMatchObject({ categoryId: cat[category], teamId: team[teamName] });
      const insights = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/insights`)).json();
      expect(insights.predictions.category).toMatchObject({ value: cat[category], applied: true });
      expect(insights.predictions.category.explanation.length).toBeGreaterThan(0);
      expect(insights.predictions.team).toMatchObject({ value: team[teamName], applied: true });
    }

    // an imported ticket's labels were set by people: its analysis does not second-guess them
    const old = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${res.json().items[0].id}/insights`)).json();
    expect(old.predictions.category).toBeUndefined();
    expect(old.predictions.team).toBeUndefined();
  });

  it('the background retraining counts newly imported history, old as its creation times are', async () => {
    const cache = cacheFor(t.db);
    expect(await retrainSweep(t.deps, cache)).not.toContain(acme.id);
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/imports/tickets', { tickets: history(200, 7, 'OLDER') });
    expect(res.json()).toMatchObject({ created: 200, failed: 0 });
    expect(await retrainSweep(t.deps, cache)).toContain(acme.id);
  });
});
