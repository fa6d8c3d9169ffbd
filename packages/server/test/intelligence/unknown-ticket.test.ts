import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { startIntelligence } from '../../src/modules/intelligence';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// "None of these": a tenant's model learns, from its own tickets, how unlike its categories a text
// can be; a new ticket unlike all of them goes to 待分拣 however low the tenant's confidence threshold.

const CATEGORIES: Record<string, string[]> = {
  网络故障: ['VPN 连不上，远程办公无法访问内网', '办公室 WiFi 信号很弱经常断线', '交换机端口故障导致整层断网', '网络很慢，打开网页要一分钟', '无线网络连接后没有 IP 地址', '内网 DNS 解析失败', '路由器重启后还是上不了网', '会议室网线插上没有网络'],
  打印机: ['打印机卡纸，取不出来', '打印机显示脱机，无法打印文件', '复印机复印出来全是黑条', '打印机墨盒没墨了需要更换', '扫描仪扫描的文件是空白的', '打印任务一直排队打印不出来', '彩色打印机颜色偏红', '共享打印机找不到了'],
  账号密码: ['忘记邮箱密码，无法登录', '账号被锁定了，请帮忙解锁', 'OA 系统登录提示密码错误', '新员工需要开通系统账号', '密码过期了怎么修改', '企业微信账号登不上去', '权限不够，无法访问财务系统', '离职员工账号需要注销'],
  空调: ['空调不制冷，办公室太热', '空调一直漏水滴到桌上', '空调噪音很大影响开会', '空调遥控器失灵', '空调温度调不下来', '中央空调不出风', '空调开机就跳闸', '空调有异味'],
  门禁: ['门禁卡刷不开大门', '门禁卡丢了需要补办', '访客门禁怎么登记', '门禁系统故障进不去', '新员工门禁卡还没开通', '门禁刷卡没有反应', '车库门禁抬杆不动', '门禁人脸识别失败'],
  电脑: ['电脑蓝屏反复重启', '笔记本开不了机', '电脑运行特别慢', '显示器没有信号', '键盘按键失灵', '电脑中了病毒弹广告', '硬盘空间满了', '鼠标不动了'],
};

describe('a ticket unlike anything the tenant has seen', () => {
  let t: TestApp;
  let acme: TestTenant;
  let outbox: OutboxDispatcher;
  let intel: { close(): Promise<void> };
  const cat: Record<string, string> = {};
  const create = async (body: Record<string, unknown>) => {
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { requester: { name: '王芳', email: 'wangfang@example.cn' }, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('未知工单');
    outbox = new OutboxDispatcher(t.db, t.deps.clock);
    intel = startIntelligence({ deps: t.deps, outbox, retrainMinutes: 0, log: console });
    for (const name of Object.keys(CATEGORIES)) cat[name] = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: name })).json().id;
  });
  afterAll(async () => {
    await intel.close();
    await t.close();
  });

  it('goes to 待分拣 while a ticket like the tenant’s own is labelled', async () => {
    for (const suffix of ['', '，麻烦尽快处理', '，谢谢'])
      for (let i = 0; i < 8; i++)
        for (const [name, texts] of Object.entries(CATEGORIES)) await create({ title: texts[i].slice(0, 12), description: texts[i] + suffix, categoryId: cat[name] });
    const trained = await t.api(acme.adminToken, 'POST', '/api/v1/intelligence/models/train', {});
    expect(trained.statusCode, trained.body).toBe(200);
    expect(trained.json().models.find((m: { target: string }) => m.target === 'category')).toMatchObject({ state: 'ready' });
    // a threshold no confidence falls under: only "none of these" sends a ticket to triage
    expect((await t.api(acme.adminToken, 'PATCH', '/api/v1/intelligence/settings', { threshold: 0.01 })).statusCode).toBe(200);

    const known = await create({ title: '打印机又卡纸', description: '三楼的打印机卡纸了，打印不出来' });
    expect(known.categoryId).toBe(cat['打印机']);
    expect(known.tags).not.toContain('待分拣');

    const unlike = await create({ title: '食堂菜单', description: '明天中午食堂有什么菜，能不能加一份红烧肉' });
    expect(unlike.tags).toContain('待分拣');
    expect(unlike.categoryId).toBeNull();
    const queue = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets?tag=${encodeURIComponent('待分拣')}`)).json();
    expect(queue.items.map((x: { id: string }) => x.id)).toEqual([unlike.id]);
  });
});
