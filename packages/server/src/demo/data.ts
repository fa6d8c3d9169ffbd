import type { Role } from '../modules/identity';

// The fixed part of the demo: skill groups, staff, customers and the catalog.

export type TeamKey = 'frontline' | 'hardware' | 'network' | 'elevator' | 'vip';

export const TEAMS: { key: TeamKey; name: string; description: string; skills: string[] }[] = [
  { key: 'frontline', name: '一线客服组', description: '电话、微信、邮件的首问接待与分派', skills: ['咨询', '账号', '发票', '退款', '配送'] },
  { key: 'hardware', name: '硬件维修组', description: '打印机、电脑等办公设备的上门维修', skills: ['打印机', '电脑', '上门维修'] },
  { key: 'network', name: '网络运维组', description: '门店与办公网络、VPN、Wi-Fi', skills: ['网络', 'VPN', 'Wi-Fi', '交换机'] },
  { key: 'elevator', name: '电梯维保组', description: '电梯困人救援、故障维修与年检保养（7×24 小时）', skills: ['电梯', '困人救援', '年检'] },
  { key: 'vip', name: 'VIP服务组', description: 'VIP 客户专属服务与投诉处理，兼顾英文客户', skills: ['VIP', '投诉处理', 'English'] },
];

export interface StaffSeed {
  key: string;
  name: string;
  /** Local part of the sign-in email. */
  login: string;
  role: Exclude<Role, 'customer' | 'admin'>;
  teams: TeamKey[];
  phone: string;
  locale?: 'zh-CN' | 'en-US';
}

export const ADMIN_NAME = '王建国';

export const STAFF: StaffSeed[] = [
  { key: 'sup-li', name: '李秀英', login: 'li.xiuying', role: 'supervisor', teams: ['frontline', 'vip'], phone: '13801020301' },
  { key: 'sup-chen', name: '陈志强', login: 'chen.zhiqiang', role: 'supervisor', teams: ['hardware', 'network', 'elevator'], phone: '13901020302' },
  { key: 'agent-zhang', name: '张伟', login: 'zhang.wei', role: 'agent', teams: ['frontline'], phone: '13611110001' },
  { key: 'agent-liu', name: '刘洋', login: 'liu.yang', role: 'agent', teams: ['frontline'], phone: '13611110002' },
  { key: 'agent-zhao', name: '赵敏', login: 'zhao.min', role: 'agent', teams: ['frontline', 'vip'], phone: '13611110003' },
  { key: 'agent-sun', name: '孙丽', login: 'sun.li', role: 'agent', teams: ['vip'], phone: '13611110004' },
  { key: 'agent-zhou', name: '周杰', login: 'zhou.jie', role: 'agent', teams: ['frontline'], phone: '13611110005' },
  { key: 'agent-emily', name: 'Emily Chen', login: 'emily.chen', role: 'agent', teams: ['frontline', 'vip'], phone: '13611110006', locale: 'en-US' },
  { key: 'eng-wu', name: '吴磊', login: 'wu.lei', role: 'engineer', teams: ['hardware'], phone: '13722220001' },
  { key: 'eng-zheng', name: '郑浩', login: 'zheng.hao', role: 'engineer', teams: ['hardware'], phone: '13722220002' },
  { key: 'eng-he', name: '何勇', login: 'he.yong', role: 'engineer', teams: ['network'], phone: '13722220003' },
  { key: 'eng-ma', name: '马超', login: 'ma.chao', role: 'engineer', teams: ['network'], phone: '13722220004' },
  { key: 'eng-gao', name: '高峰', login: 'gao.feng', role: 'engineer', teams: ['elevator'], phone: '13722220005' },
  { key: 'eng-lin', name: '林涛', login: 'lin.tao', role: 'engineer', teams: ['elevator'], phone: '13722220006' },
  // the Shenzhen outlet's elevator engineer (万科物业（深圳湾项目）'s lifts)
  { key: 'eng-huang', name: '黄海涛', login: 'huang.haitao', role: 'engineer', teams: ['elevator'], phone: '13722220007' },
];

export type OrgKey = 'hualian' | 'cmb' | 'vanke' | 'hospital' | 'yunqi' | 'tianfu' | 'acme' | 'northwind';
export type Tier = 'standard' | 'vip' | 'svip' | 'key_account';

export interface OrgSeed {
  key: OrgKey;
  name: string;
  tier: Tier;
  domain: string;
  english?: boolean;
  /** Sites used in ticket texts. */
  places: string[];
  /** Buildings with elevators (property managers). */
  buildings?: string[];
}

export const ORGANIZATIONS: OrgSeed[] = [
  { key: 'hualian', name: '华联超市连锁有限公司', tier: 'standard', domain: 'hualian-market.example.com', places: ['南山店收银台', '福田店仓库', '宝安店办公室', '总部财务室'] },
  { key: 'cmb', name: '招商银行深圳分行', tier: 'vip', domain: 'cmb-sz.example.com', places: ['营业部大堂', '科技园支行', '三楼信贷部', '二楼会议室'] },
  { key: 'vanke', name: '万科物业（深圳湾项目）', tier: 'key_account', domain: 'vanke-pm.example.com', places: ['物业服务中心', '地下车库岗亭'], buildings: ['深圳湾一号 T1 栋', '深圳湾一号 T2 栋', '海岸城写字楼'] },
  { key: 'hospital', name: '上海市第一人民医院', tier: 'svip', domain: 'shfph.example.com', places: ['门诊楼二楼挂号处', '住院部护士站', '检验科', '行政楼 305'], buildings: ['门诊楼', '住院部大楼'] },
  { key: 'yunqi', name: '杭州云栖科技有限公司', tier: 'standard', domain: 'yunqi-tech.example.com', places: ['研发中心 5 楼', '前台', '测试实验室'] },
  { key: 'tianfu', name: '成都天府软件园物业', tier: 'vip', domain: 'tianfu-park.example.com', places: ['A3 栋大堂', 'C1 栋机房'], buildings: ['A3 栋', 'B7 栋', 'C1 栋'] },
  { key: 'acme', name: 'Acme Trading Ltd.', tier: 'vip', domain: 'acme-trading.example.com', english: true, places: ['3rd floor office', 'warehouse in Futian', 'reception'] },
  { key: 'northwind', name: 'Northwind Logistics', tier: 'standard', domain: 'northwind.example.com', english: true, places: ['Shekou depot', 'head office', 'dispatch room'] },
];

export interface ContactSeed {
  name: string;
  org?: OrgKey;
  email?: string;
  phone?: string;
  wechat?: boolean;
  /** Has a customer portal login. */
  portal?: boolean;
  english?: boolean;
}

export const CONTACTS: ContactSeed[] = [
  { name: '钱多多', org: 'hualian', email: 'qian.duoduo', phone: '13812340001', wechat: true, portal: true },
  { name: '孙小梅', org: 'hualian', email: 'sun.xiaomei', phone: '13812340002' },
  { name: '马国庆', org: 'hualian', phone: '13812340003', wechat: true },
  { name: '杨帆', org: 'cmb', email: 'yang.fan', phone: '13912340011', wechat: true },
  { name: '许晴', org: 'cmb', email: 'xu.qing', phone: '13912340012' },
  { name: '韩东', org: 'cmb', email: 'han.dong', phone: '13912340013' },
  { name: '黄晓明', org: 'vanke', email: 'huang.xiaoming', phone: '13512340021', wechat: true, portal: true },
  { name: '罗敏', org: 'vanke', email: 'luo.min', phone: '13512340022', wechat: true },
  { name: '曹勇', org: 'vanke', phone: '13512340023' },
  { name: '唐婉', org: 'hospital', email: 'tang.wan', phone: '13612340031' },
  { name: '冯志远', org: 'hospital', email: 'feng.zhiyuan', phone: '13612340032', wechat: true },
  { name: '蒋琳', org: 'hospital', email: 'jiang.lin', phone: '13612340033' },
  { name: '沈浩然', org: 'yunqi', email: 'shen.haoran', phone: '13712340041', wechat: true },
  { name: '陆佳', org: 'yunqi', email: 'lu.jia', phone: '13712340042' },
  { name: '邓超', org: 'tianfu', email: 'deng.chao', phone: '18612340051', wechat: true },
  { name: '彭丽', org: 'tianfu', email: 'peng.li', phone: '18612340052' },
  { name: 'Tom Baker', org: 'acme', email: 'tom.baker', phone: '13012340061', portal: true, english: true },
  { name: 'Sarah Miller', org: 'acme', email: 'sarah.miller', phone: '13012340062', english: true },
  { name: 'David Wong', org: 'northwind', email: 'david.wong', phone: '13012340071', english: true },
  { name: 'Priya Nair', org: 'northwind', email: 'priya.nair', english: true },
  // consumers without an organization
  { name: '王芳', email: 'wangfang88@163.example.com', phone: '13800138001', wechat: true },
  { name: '李强', phone: '13800138002', wechat: true },
  { name: '赵丽娟', email: 'zhaolijuan@qq.example.com', phone: '13800138003' },
  { name: '周凯', phone: '13800138004', wechat: true },
  { name: '吴静', email: 'wujing@126.example.com', phone: '13800138005', wechat: true },
  { name: '郑宇', phone: '13800138006' },
  { name: 'Michael Brown', email: 'm.brown@gmail.example.com', phone: '13800138007', english: true },
  { name: 'Lisa Zhang', email: 'lisa.zhang@outlook.example.com', english: true },
];

/**
 * Elevators that report faults themselves (channel iot): registered devices (管理 → 设备) of the property
 * managers, owned by the contact who receives their alarm tickets.
 */
export const ELEVATORS: { device: string; org: OrgKey; owner: string; building: string; car: number; model: 'otis-gen2' | 'mitsubishi-lehy' }[] = [
  { device: 'ELV-SZ-0101', org: 'vanke', owner: '罗敏', building: '深圳湾一号 T1 栋', car: 1, model: 'otis-gen2' },
  { device: 'ELV-SZ-0102', org: 'vanke', owner: '罗敏', building: '深圳湾一号 T1 栋', car: 2, model: 'otis-gen2' },
  { device: 'ELV-SZ-0201', org: 'vanke', owner: '罗敏', building: '深圳湾一号 T2 栋', car: 1, model: 'mitsubishi-lehy' },
  { device: 'ELV-SH-0301', org: 'hospital', owner: '冯志远', building: '住院部大楼', car: 3, model: 'mitsubishi-lehy' },
  { device: 'ELV-CD-0701', org: 'tianfu', owner: '邓超', building: 'B7 栋', car: 1, model: 'otis-gen2' },
];

/**
 * People who are not contacts yet when they first ask: each is one person with one phone number (and,
 * for some, the WeChat account they wrote from), so their second request finds the contact of the first.
 */
export const NEWCOMERS: { name: string; phone: string; wechat?: boolean }[] = [
  { name: '刘建华', phone: '13923456701', wechat: true },
  { name: '陈晓燕', phone: '13923456702' },
  { name: '杨光', phone: '13923456703', wechat: true },
  { name: '黄丽', phone: '13923456704' },
  { name: '林志明', phone: '13923456705' },
  { name: '何雪', phone: '13923456706', wechat: true },
  { name: '郭伟', phone: '13923456707' },
  { name: '宋佳', phone: '13923456708', wechat: true },
  { name: '谢磊', phone: '13923456709' },
  { name: '韩梅梅', phone: '13923456710' },
  { name: '冯涛', phone: '13923456711', wechat: true },
  { name: '曾小红', phone: '13923456712' },
  { name: '董明', phone: '13923456713' },
  { name: '袁媛', phone: '13923456714', wechat: true },
  { name: '邓磊', phone: '13923456715' },
];

export type CategoryKey =
  | 'hardware'
  | 'printer'
  | 'computer'
  | 'netdev'
  | 'software'
  | 'login'
  | 'account'
  | 'elevator'
  | 'trapped'
  | 'noise'
  | 'inspection'
  | 'billing'
  | 'invoice'
  | 'refund'
  | 'delivery'
  | 'complaint';

export const CATEGORIES: { key: CategoryKey; parent?: CategoryKey; zh: string; en: string }[] = [
  { key: 'hardware', zh: '硬件故障', en: 'Hardware' },
  { key: 'printer', parent: 'hardware', zh: '打印机', en: 'Printer' },
  { key: 'computer', parent: 'hardware', zh: '电脑', en: 'Computer' },
  { key: 'netdev', parent: 'hardware', zh: '网络设备', en: 'Network devices' },
  { key: 'software', zh: '软件问题', en: 'Software' },
  { key: 'login', parent: 'software', zh: '登录', en: 'Sign-in' },
  { key: 'account', parent: 'software', zh: '账号', en: 'Account' },
  { key: 'elevator', zh: '电梯', en: 'Elevator' },
  { key: 'trapped', parent: 'elevator', zh: '困人', en: 'Entrapment' },
  { key: 'noise', parent: 'elevator', zh: '异响', en: 'Abnormal noise' },
  { key: 'inspection', parent: 'elevator', zh: '年检保养', en: 'Inspection & maintenance' },
  { key: 'billing', zh: '账务与订单', en: 'Billing & orders' },
  { key: 'invoice', parent: 'billing', zh: '发票', en: 'Invoice' },
  { key: 'refund', parent: 'billing', zh: '退款', en: 'Refund' },
  { key: 'delivery', parent: 'billing', zh: '配送', en: 'Delivery' },
  { key: 'complaint', zh: '投诉建议', en: 'Complaints & suggestions' },
];

export type TypeKey = 'consult' | 'repair' | 'complaint';

export const TICKET_TYPES: { key: TypeKey; zh: string; en: string }[] = [
  { key: 'consult', zh: '咨询', en: 'Inquiry' },
  { key: 'repair', zh: '维修', en: 'Repair' },
  { key: 'complaint', zh: '投诉', en: 'Complaint' },
];

export const DEVICE_MODELS = [
  { value: 'hp-m1136', label_zh: '惠普 LaserJet M1136', label_en: 'HP LaserJet M1136' },
  { value: 'canon-ir2525', label_zh: '佳能 iR2525 复印机', label_en: 'Canon iR2525' },
  { value: 'thinkpad-x1', label_zh: '联想 ThinkPad X1 Carbon', label_en: 'Lenovo ThinkPad X1 Carbon' },
  { value: 'dell-optiplex', label_zh: '戴尔 OptiPlex 7090', label_en: 'Dell OptiPlex 7090' },
  { value: 'huawei-ar6120', label_zh: '华为 AR6120 路由器', label_en: 'Huawei AR6120 router' },
  { value: 'h3c-s5130', label_zh: '新华三 S5130 交换机', label_en: 'H3C S5130 switch' },
  { value: 'otis-gen2', label_zh: '奥的斯 GeN2 电梯', label_en: 'Otis GeN2 elevator' },
  { value: 'mitsubishi-lehy', label_zh: '三菱 LEHY-III 电梯', label_en: 'Mitsubishi LEHY-III elevator' },
  { value: 'other', label_zh: '其他', label_en: 'Other' },
];

/** Custom field definitions: the type they belong to (null: every ticket). */
export const CUSTOM_FIELDS: {
  key: string;
  type: TypeKey | null;
  kind: 'text' | 'number' | 'date' | 'select' | 'multiselect';
  zh: string;
  en: string;
  required?: boolean;
  options?: { value: string; label_zh: string; label_en: string }[];
}[] = [
  { key: 'order_no', type: null, kind: 'text', zh: '订单号', en: 'Order number' },
  { key: 'device_model', type: 'repair', kind: 'select', zh: '设备型号', en: 'Device model', required: true, options: DEVICE_MODELS },
  { key: 'fault_date', type: 'repair', kind: 'date', zh: '故障发生日期', en: 'Fault date' },
  {
    key: 'onsite',
    type: 'repair',
    kind: 'select',
    zh: '是否需要上门',
    en: 'On-site visit',
    options: [
      { value: 'yes', label_zh: '需要上门', label_en: 'Yes' },
      { value: 'no', label_zh: '远程处理', label_en: 'No, remote' },
    ],
  },
  {
    key: 'severity',
    type: 'complaint',
    kind: 'select',
    zh: '投诉等级',
    en: 'Severity',
    options: [
      { value: 'general', label_zh: '一般', label_en: 'General' },
      { value: 'serious', label_zh: '严重', label_en: 'Serious' },
      { value: 'major', label_zh: '重大', label_en: 'Major' },
    ],
  },
  { key: 'compensation', type: 'complaint', kind: 'number', zh: '补偿金额（元）', en: 'Compensation (CNY)' },
  { key: 'callback_time', type: 'consult', kind: 'text', zh: '方便回电时间', en: 'Preferred callback time' },
];
