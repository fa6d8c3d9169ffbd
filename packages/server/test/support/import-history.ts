// Generated history of an old helpdesk, in Chinese: the import tests (and the import bench) use it
// as API items or as the CSV an admin uploads. The tenant needs the categories 硬件/打印机, 网络,
// 账号密码, 邮件 and the teams 桌面支持组, 网络运维组.

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

export function history(n: number, seed: number, prefix: string) {
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

export type HistoryItem = ReturnType<typeof history>[number];

const CSV_COLUMNS = ['external_id', 'title', 'description', 'requester_name', 'requester_email', 'created_at', 'closed_at', 'status', 'priority', 'category', 'team'] as const;
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The items as the CSV an old helpdesk exports: a header of the import's columns, one row each. */
export function historyCsv(items: HistoryItem[]): string {
  const rows = items.map((x) =>
    [x.externalId, x.title, x.description, x.requester.name, x.requester.email, x.createdAt, x.closedAt, x.status, x.priority, x.category, x.team].map(cell).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
