// Chinese ticket texts for benchmarks, the generator and the durability tests: realistic helpdesk and
// field-service wording built from a few word lists, so jieba has real work to do.
import { mulberry32 } from '../../src/platform/random';

export const PLACES = ['三楼财务室', '二号楼大厅', '研发中心', '上海分公司', '北京总部', '深圳门店', '杭州仓库', '会议室A', '前台', '五楼机房',
  '成都办事处', '南京工厂', '客服中心', '人事部', '市场部', '广州展厅', '武汉分拣中心', '地下车库', '食堂', '培训教室'];
export const DEVICES = ['打印机', '投影仪', '电梯', '空调', '门禁系统', '无线路由器', '笔记本电脑', '服务器', '扫码枪', '监控摄像头',
  '收银机', '复印机', '显示器', '电话交换机', '考勤机', '冷柜', '叉车', '充电桩', '饮水机', '办公软件', '邮箱账号', 'VPN', '工资系统', '报销系统', '网络'];
export const PROBLEMS = ['无法开机', '卡纸', '频繁断线', '噪音很大', '显示异常', '登录失败', '速度很慢', '漏水', '报警不停', '无法连接',
  '需要更换配件', '突然死机', '打印模糊', '温度过高', '权限不足'];
export const DETAILS = [
  '今天上午开始出现这个问题，重启之后还是一样，影响了整个部门的正常工作，请尽快派人处理。',
  '客户反映已经持续两天了，之前报修过一次但没有解决，希望这次能彻底修好。',
  '型号是去年新采购的，还在保修期内，麻烦联系厂家售后确认是否需要上门维修。',
  '屏幕上提示错误代码E-203，查了说明书没有找到对应的解决办法。',
  '周末值班同事发现的，已经拍了照片，附件里有现场情况，请工程师带好备件。',
  '这个问题每天下午三点左右出现，持续半小时后自动恢复，怀疑和用电高峰有关。',
  '新员工入职需要开通，请在本周五之前完成配置，谢谢！',
  '领导明天要用，比较紧急，请优先安排处理。',
];
export const RARE_WORD = '液氮罐';
export const TAGS = ['硬件', '软件', '网络', '紧急', 'vip', '保修', '上门', '远程', '投诉', '重复报修', '新装', '巡检', '财务', '安全', '耗材'];
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英'];

export type Rng = () => number;

/** mulberry32: a small seeded generator so generated data is reproducible. */
export const seededRng: (seed: number) => Rng = mulberry32;

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

export function personName(rng: Rng): string {
  return pick(rng, SURNAMES) + pick(rng, GIVEN);
}

export function ticketTitle(rng: Rng): string {
  return `${pick(rng, PLACES)}的${pick(rng, DEVICES)}${pick(rng, PROBLEMS)}`;
}

export function ticketDescription(rng: Rng): string {
  return `${pick(rng, DETAILS)}${rng() < 0.5 ? pick(rng, DETAILS) : ''}`;
}

export function ticketTags(rng: Rng): string[] {
  const n = rng() < 0.4 ? 0 : rng() < 0.7 ? 1 : rng() < 0.9 ? 2 : 3;
  const out = new Set<string>();
  while (out.size < n) out.add(pick(rng, TAGS));
  return [...out];
}

/** A create-ticket request body: a random Chinese title and a requester from a pool of `pool` people. */
export function createTicketBody(rng: Rng, pool = 5000) {
  const i = Math.floor(rng() * pool);
  const priority = pick(rng, ['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const);
  return {
    title: ticketTitle(rng),
    description: ticketDescription(rng),
    requester: { name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`, email: `kehu${i}@example.cn` },
    priority,
    channel: pick(rng, ['api', 'web', 'email', 'phone', 'wechat'] as const),
    tags: ticketTags(rng),
  };
}
