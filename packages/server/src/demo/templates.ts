import type { Channel, Priority } from '../modules/tickets';
import type { CategoryKey, OrgKey, TeamKey, TypeKey } from './data';

// Ticket scripts: what a kind of request says, who usually asks, and how staff and customers answer.
// Placeholders in {braces} are filled per ticket (see ticket-content.ts); ticket-wording.ts then words
// each ticket as people write (greetings, typos, English words, vague titles).

export type Requesters = OrgKey[] | 'consumer' | 'english' | 'device' | 'any';

export interface TicketCase {
  titles: string[];
  descriptions: string[];
}

export interface Template {
  key: string;
  lang: 'zh' | 'en';
  weight: number;
  type: TypeKey;
  category: CategoryKey;
  team: TeamKey;
  /** Field service: an engineer of the team takes it. */
  field?: boolean;
  priority: Partial<Record<Priority, number>>;
  channels: Partial<Record<Channel, number>>;
  requesters: Requesters;
  /** The problems of this kind: any title of a case goes with any description of the same case. */
  cases: TicketCase[];
  /** What the device itself reports when the ticket comes from an IoT alarm. */
  alarms?: { code: string; message: string; severity: 'critical' | 'major' | 'minor' }[];
  tags: string[];
  /** Custom fields, by key; values are chosen per ticket. */
  fields?: { device_model?: string[]; fault_date?: boolean; onsite?: 'yes' | 'no' | 'either'; order_no?: boolean; severity?: boolean; compensation?: boolean; callback_time?: boolean };
  replies: string[];
  askInfo: string[];
  customerReplies: string[];
  notes: string[];
  holdNotes: string[];
  resolutions: string[];
  subtasks?: string[];
}

const ZH_CUSTOMER = ['好的，谢谢！', '收到，我们这边等你们消息。', '已经按你们说的操作了，还是不行，麻烦再看看。', '请问大概什么时候能处理好？我们这边比较急。', '补充一下：{extra}'];
const ZH_ASK = ['您好，为了尽快处理，请提供一下{askFor}，谢谢。', '您好，麻烦拍一张{askFor}的照片发给我们，方便工程师判断。'];
const ZH_HOLD = ['备件已申请，等待仓库发货（备件单号 BJ{digits}），到货后安排上门。', '需要厂家技术支持，已提交厂家工单，等待回复。', '客户要求下周一后再上门，暂时挂起。'];
const EN_CUSTOMER = ['Thanks, looking forward to your update.', 'I tried that but it still does not work.', 'Any news on this? It is getting urgent for us.', 'One more detail: {extra}'];
const EN_ASK = ['Hi {name}, could you please send us {askFor}? That will help us sort this out quickly.'];
const EN_HOLD = ['Waiting for the finance team to confirm the adjustment.', 'Escalated to the carrier, waiting for their reply.'];

export const TEMPLATES: Template[] = [
  {
    key: 'printer',
    lang: 'zh',
    weight: 12,
    type: 'repair',
    category: 'printer',
    team: 'hardware',
    field: true,
    priority: { low: 2, normal: 6, high: 2 },
    channels: { phone: 4, wechat: 3, web: 2, email: 1 },
    requesters: ['hualian', 'cmb', 'hospital', 'yunqi'],
    cases: [
      {
        titles: ['{place}打印机卡纸，无法打印', '打印机老是卡纸', '打印机又卡纸了'],
        descriptions: [
          '今天上午开始{place}的打印机一直卡纸，清理后还是不行，影响开票。设备型号：{model}。联系人：{name}，电话 {phone}。',
          '{place}那台{model}每打两三张就卡一次纸，纸盒里的纸都换过了。',
        ],
      },
      {
        titles: ['打印机打印出来全是黑条', '打印件上有黑线，看不清字'],
        descriptions: ['{place}的打印机打印出来的纸上有一条条黑线，换了纸也一样，急需打印合同，麻烦尽快派人看一下。', '复印和打印都有竖着的黑条，像是硒鼓的问题，型号{model}。'],
      },
      {
        titles: ['{model}提示“硒鼓寿命已尽”', '打印机提示更换硒鼓'],
        descriptions: ['打印机面板提示硒鼓寿命已尽，打出来颜色很淡，请带一个新硒鼓过来。'],
      },
      {
        titles: ['打印机报错 0x50 定影器错误', '打印机报错，重启也没用'],
        descriptions: ['打印时报错“0x50 定影器错误”，重启了两次，问题依旧。'],
      },
      {
        titles: ['网络打印机脱机，整个部门都打印不了', '打印机显示脱机'],
        descriptions: ['{place}的网络打印机今天显示脱机，电脑上都找不到它了，别的网络正常，打印机也重启过。', '整个部门都连不上那台共享打印机，提示“打印机脱机”，是不是打印机的网卡坏了？'],
      },
      {
        titles: ['复印机扫描到邮箱功能失效', '扫描件发不到邮箱'],
        descriptions: ['复印机扫描后选“发送到邮箱”一直失败，以前都可以，最近没改过设置。', '{place}的{model}扫描文件发不出去，提示 SMTP 错误。'],
      },
    ],
    tags: ['打印机', '上门'],
    fields: { device_model: ['hp-m1136', 'canon-ir2525'], fault_date: true, onsite: 'either' },
    replies: ['您好，已收到您的报修，已安排工程师{eng}跟进，预计今天{time}前联系您。', '您好，请先尝试关机拔电 1 分钟后重启，如仍有问题我们安排上门。'],
    askInfo: ZH_ASK,
    customerReplies: ZH_CUSTOMER,
    notes: ['{mention} 客户在{place}，麻烦明天上午带一个 {model} 的硒鼓过去。', '{mention} 这台打印机本月第二次报修了，建议评估是否换新。'],
    holdNotes: ZH_HOLD,
    resolutions: ['已上门更换硒鼓并清洁定影组件，测试打印正常。如有问题请随时联系。', '已清理卡纸并更换搓纸轮，连续打印 50 页无异常。'],
  },
  {
    key: 'computer',
    lang: 'zh',
    weight: 8,
    type: 'repair',
    category: 'computer',
    team: 'hardware',
    field: true,
    priority: { low: 2, normal: 6, high: 2 },
    channels: { phone: 3, wechat: 2, web: 3, email: 2 },
    requesters: ['hualian', 'cmb', 'hospital', 'yunqi', 'tianfu'],
    cases: [
      {
        titles: ['电脑开机蓝屏，错误代码 0x0000007B', '电脑蓝屏了', '开机就蓝屏'],
        descriptions: ['{place}的一台电脑今天早上开机就蓝屏，提示 INACCESSIBLE_BOOT_DEVICE，里面有重要的报表，请尽快处理。', '电脑用着用着突然蓝屏重启，一天好几次，型号{model}。'],
      },
      {
        titles: ['笔记本电池鼓包，需要更换', '笔记本电池鼓起来了'],
        descriptions: ['同事的笔记本（{model}）电池明显鼓起来了，触控板都被顶起，担心有安全隐患。'],
      },
      {
        titles: ['{place}电脑运行特别慢，经常死机', '电脑太卡了', '电脑开机要十分钟'],
        descriptions: ['{place}电脑开机要 10 分钟，打开 Excel 就卡死，已经影响正常工作。', '电脑特别慢，开几个网页就卡住不动，只能强制关机。'],
      },
      {
        titles: ['显示器无信号，主机指示灯正常', '显示器黑屏'],
        descriptions: ['早上开机后显示器一直提示“无信号”，主机风扇在转、指示灯也亮，换了根线也不行。'],
      },
      {
        titles: ['电脑中了勒索病毒提示，文件打不开', '电脑中毒了，文件后缀都变了'],
        descriptions: ['{place}一台电脑弹出勒索提示，共享盘里的文件后缀都变了，已经拔了网线，请马上处理。'],
      },
      {
        // ambiguous: a computer that will not join the network
        titles: ['新电脑连不上公司无线网络', '电脑连不上 Wi-Fi'],
        descriptions: ['刚领的新电脑（{model}）连不上公司 Wi-Fi，别的同事都可以，是不是电脑的无线网卡驱动没装？'],
      },
    ],
    tags: ['电脑'],
    fields: { device_model: ['thinkpad-x1', 'dell-optiplex'], fault_date: true, onsite: 'either' },
    replies: ['您好，已安排工程师{eng}处理，请先不要反复重启，以免数据损坏。', '您好，已收到。请问电脑里的数据是否已经备份？'],
    askInfo: ZH_ASK,
    customerReplies: ZH_CUSTOMER,
    notes: ['{mention} 客户数据很重要，上门前带上移动硬盘先做备份。', '{mention} 保修期内，可以走厂家免费更换电池。'],
    holdNotes: ZH_HOLD,
    resolutions: ['已重装系统驱动并恢复数据，电脑运行正常。', '已更换电池，旧电池已按危废回收。', '已清理磁盘并加装 8G 内存，开机时间恢复到 40 秒内。'],
  },
  {
    key: 'network',
    lang: 'zh',
    weight: 10,
    type: 'repair',
    category: 'netdev',
    team: 'network',
    field: true,
    priority: { normal: 3, high: 5, urgent: 2 },
    channels: { phone: 5, wechat: 2, email: 1, api: 2 },
    requesters: ['hualian', 'cmb', 'hospital', 'yunqi', 'tianfu'],
    cases: [
      {
        titles: ['{place}网络中断，全部终端无法上网', '{place}断网了', '全部电脑上不了网'],
        descriptions: ['从 {time} 开始{place}所有电脑和收银机都上不了网，路由器指示灯红色闪烁，已经重启过一次。', '{place}整层都断网了，路由器重启没用，收银和开单都受影响。'],
      },
      {
        titles: ['Wi-Fi 信号差，会议室经常掉线', '会议室无线网络很卡'],
        descriptions: ['{place}的无线网络一到下午就特别卡，视频会议经常掉线，能否派人检测一下信号覆盖。', '会议室 Wi-Fi 信号只有一格，开视频会议每隔几分钟就断一次。'],
      },
      {
        titles: ['VPN 连不上公司内网', 'VPN 提示认证超时'],
        descriptions: ['出差在外连 VPN 一直提示“认证超时”，账号密码确认无误。', '在家连 VPN 能连上但是打不开内网系统，昨天还好好的。'],
      },
      {
        titles: ['收银系统网络延迟很高，结账排长队', '收银机联网很慢'],
        descriptions: ['{place}的收银机刷卡要等半分钟才出结果，顾客排起了长队，测速发现网络延迟有几百毫秒。'],
      },
      {
        titles: ['核心交换机告警：端口频繁 up/down', '交换机端口一直闪断'],
        descriptions: ['监控显示{place}的核心交换机有几个端口频繁 up/down，下面的电脑时断时续，型号{model}。'],
      },
      {
        // ambiguous: a printer problem that is really the network
        titles: ['打印机和电脑都连不上网'],
        descriptions: ['{place}的打印机和几台电脑同时连不上网络，估计是交换机或者网线的问题，麻烦来看看。'],
      },
    ],
    tags: ['网络'],
    fields: { device_model: ['huawei-ar6120', 'h3c-s5130'], fault_date: true, onsite: 'either' },
    replies: ['您好，网络运维组已收到，{eng}正在远程排查，请稍候。', '您好，已经定位到是运营商线路问题，已联系运营商抢修。'],
    askInfo: ['您好，麻烦提供一下路由器面板指示灯的照片和故障开始的大致时间。'],
    customerReplies: ZH_CUSTOMER,
    notes: ['{mention} 远程登录不上设备，需要上门，客户比较急。', '{mention} 这个门店同一台交换机上个月也出过问题，建议本次直接更换。'],
    holdNotes: ['已报运营商障碍单，等待运营商上门修复光缆。', ...ZH_HOLD],
    resolutions: ['已恢复网络，原因是交换机 24 口故障，已更换端口并重新配置。', '运营商已修复光缆，网络恢复正常，我们持续观察 24 小时。', '已调整 AP 信道并新增一个 AP，会议室信号恢复正常。'],
    subtasks: ['现场勘查布线', '更换故障交换机', '运营商线路协调'],
  },
  {
    key: 'elevator-trapped',
    lang: 'zh',
    weight: 7,
    type: 'repair',
    category: 'trapped',
    team: 'elevator',
    field: true,
    priority: { urgent: 1 },
    channels: { phone: 6, iot: 4 },
    requesters: ['vanke', 'hospital', 'tianfu'],
    cases: [
      {
        titles: ['【紧急】{building}{car}号梯困人', '电梯困人！{building}{car}号梯', '{building}电梯突然停运，有人被困'],
        descriptions: [
          '{building}{car}号电梯停在{floor}楼和{floor2}楼之间，轿厢内有{people}人被困，已通过对讲安抚乘客，请立即派人救援！报告人：{name} {phone}。',
          '{building}{car}号梯突然停了，里面困了{people}个人，门打不开，物业已经在现场，快来人！',
        ],
      },
    ],
    alarms: [
      { code: 'E21', message: '轿厢停梯，门锁回路断开', severity: 'critical' },
      { code: 'E35', message: '紧急呼叫按钮触发，轿厢内有人', severity: 'critical' },
    ],
    tags: ['困人', '紧急'],
    fields: { device_model: ['otis-gen2', 'mitsubishi-lehy'], fault_date: true, onsite: 'yes' },
    replies: ['已收到困人报警，救援工程师{eng}已出发，预计 20 分钟内到达，请告知乘客保持冷静，不要扒门。'],
    askInfo: ['请确认被困乘客中是否有老人、儿童或身体不适的人员。'],
    customerReplies: ['工程师到了吗？乘客情绪有点激动。', '好的，我们物业人员在电梯口等候。'],
    notes: ['{mention} 困人事件，已超过 15 分钟，请同步进度。', '{mention} 救援完成后请填写困人事件报告并上传现场照片。'],
    holdNotes: ['乘客已救出，电梯停用，等待更换门锁开关备件。'],
    resolutions: ['乘客已于 {time} 安全救出，原因是层门门锁触点接触不良，已清洁调整，电梯试运行正常。', '乘客已安全救出，无人员受伤。更换了安全回路继电器，电梯恢复运行。'],
    subtasks: ['困人事件报告', '门锁回路检修', '乘客回访'],
  },
  {
    key: 'elevator-noise',
    lang: 'zh',
    weight: 5,
    type: 'repair',
    category: 'noise',
    team: 'elevator',
    field: true,
    priority: { normal: 6, high: 4 },
    channels: { phone: 3, wechat: 3, web: 2, iot: 2 },
    requesters: ['vanke', 'hospital', 'tianfu'],
    cases: [
      {
        titles: ['{building}{car}号梯运行时有异响', '电梯有咔咔的响声'],
        descriptions: ['业主反映{building}{car}号电梯上行到 {floor} 楼附近有“咔咔”的异响，已持续两三天。', '{building}的电梯一启动就有很大的摩擦声，住户都不敢坐了。'],
      },
      {
        titles: ['电梯门开关时抖动，有摩擦声', '电梯门关不严'],
        descriptions: ['电梯开关门时明显抖动，还有金属摩擦声，担心存在安全隐患，请安排检查。'],
      },
      {
        titles: ['{building}电梯平层不准，门口有台阶', '电梯停不准，差一截'],
        descriptions: ['{building}{car}号梯每次停在 {floor} 楼都比地面高出两三厘米，老人差点绊倒。'],
      },
    ],
    alarms: [
      { code: 'W12', message: '曳引机振动超限', severity: 'minor' },
      { code: 'W31', message: '平层偏差超过 15 毫米', severity: 'major' },
    ],
    tags: ['电梯', '异响'],
    fields: { device_model: ['otis-gen2', 'mitsubishi-lehy'], fault_date: true, onsite: 'yes' },
    replies: ['您好，已安排{eng}今天下午到现场检查，检查期间该梯可能短暂停用。'],
    askInfo: ['您好，请问异响是在上行还是下行时出现？大概在哪几层？'],
    customerReplies: ZH_CUSTOMER,
    notes: ['{mention} 这台梯去年大修过导靴，先看导靴和导轨润滑。'],
    holdNotes: ['需更换门机皮带，已向厂家订货，预计 3 天到货。'],
    resolutions: ['已更换导靴衬并对导轨润滑，异响消除。', '已调整门机皮带张紧度并更换门滑块，开关门平稳。'],
  },
  {
    key: 'elevator-inspection',
    lang: 'zh',
    weight: 3,
    type: 'consult',
    category: 'inspection',
    team: 'elevator',
    priority: { low: 6, normal: 4 },
    channels: { email: 3, phone: 2, web: 2 },
    requesters: ['vanke', 'hospital', 'tianfu'],
    cases: [
      {
        titles: ['申请安排{building}电梯年度检验', '电梯年检快到期了'],
        descriptions: ['{building}的电梯年检证下月到期，请协助安排特检院检验并提前做好自检。'],
      },
      {
        titles: ['咨询电梯维保合同续签事宜', '维保合同续签'],
        descriptions: ['我们的维保合同{month}月底到期，想了解续签价格和服务内容有无调整。'],
      },
      {
        titles: ['请提供上季度电梯维保记录', '要一份电梯保养记录'],
        descriptions: ['迎检需要上季度{building}电梯的维保记录，麻烦整理后发到 {email}。'],
      },
      {
        // ambiguous: an inspection that is really about an invoice
        titles: ['电梯年检费用的发票'],
        descriptions: ['上个月{building}电梯年检的费用已经付了，请把发票开给我们，抬头是{org}。'],
      },
    ],
    tags: ['年检'],
    fields: { callback_time: true },
    replies: ['您好，已为您预约特检院，初定下周三上午检验，届时请物业配合。', '您好，续签报价稍后通过邮件发送给您。'],
    askInfo: ['您好，请提供电梯注册代码和使用登记证照片。'],
    customerReplies: ZH_CUSTOMER,
    notes: ['{mention} 客户想谈续签折扣，请主管确认价格权限。'],
    holdNotes: ['等待特检院排期。'],
    resolutions: ['年检已完成，检验合格，新的检验标志已张贴。', '维保记录已发送至您的邮箱，请查收。'],
  },
  {
    key: 'login',
    lang: 'zh',
    weight: 8,
    type: 'consult',
    category: 'login',
    team: 'frontline',
    priority: { low: 2, normal: 6, high: 2 },
    channels: { web: 3, wechat: 3, phone: 2, email: 2 },
    requesters: 'any',
    cases: [
      {
        titles: ['登录提示“密码错误”但密码是对的', '密码对的却登录不了'],
        descriptions: ['今天登录系统一直提示密码错误，已经确认大小写，现在账号好像被锁了。手机号 {phone}。'],
      },
      {
        titles: ['收不到短信验证码，无法登录', '验证码一直收不到'],
        descriptions: ['点击获取验证码后一直收不到短信，换了网络也不行。', '登录要短信验证码，等了十分钟都没收到，手机号 {phone}。'],
      },
      {
        titles: ['企业微信扫码登录失败', '扫码登录提示未授权'],
        descriptions: ['用企业微信扫码后提示“应用未授权”，其他同事可以正常登录。'],
      },
      {
        titles: ['登录后页面一直转圈', '系统进不去，一直加载'],
        descriptions: ['输完密码点登录以后页面一直在转圈，等了几分钟也进不去，清了缓存也一样。'],
      },
    ],
    tags: ['登录'],
    fields: { callback_time: true },
    replies: ['您好，已为您解锁账号并重置密码，临时密码已通过短信发送，请登录后尽快修改。', '您好，验证码通道刚才有短暂拥堵，现已恢复，请重新获取。'],
    askInfo: ['您好，请提供登录失败时的截图以及您使用的浏览器版本。'],
    customerReplies: ZH_CUSTOMER,
    notes: ['{mention} 同一时段有多个客户反馈验证码收不到，可能是短信网关问题，请帮忙确认。'],
    holdNotes: ['等待短信服务商排查通道问题。'],
    resolutions: ['账号已解锁，客户确认可以正常登录。', '企业微信授权已重新配置，扫码登录恢复正常。'],
  },
  {
    key: 'account',
    lang: 'zh',
    weight: 5,
    type: 'consult',
    category: 'account',
    team: 'frontline',
    priority: { low: 5, normal: 5 },
    channels: { email: 4, web: 3, phone: 1 },
    requesters: ['hualian', 'cmb', 'hospital', 'yunqi', 'tianfu', 'vanke'],
    cases: [
      {
        titles: ['申请开通新员工账号（{count}人）', '新员工开账号'],
        descriptions: ['本周有{count}名新同事入职，需要开通系统账号，名单见附件，请尽快处理。'],
      },
      {
        titles: ['账号被锁定，请帮忙解锁', '账号锁了'],
        descriptions: ['同事输错几次密码，账号被锁定了，麻烦帮忙解锁，手机号 {phone}。'],
      },
      {
        titles: ['修改绑定手机号', '换手机号了，账号怎么改'],
        descriptions: ['因手机号变更，需要把账号绑定的手机号从 {phone} 改成新号码。'],
      },
      {
        titles: ['离职员工账号注销', '注销{count}个离职人员的账号'],
        descriptions: ['有{count}名员工本月离职，请注销他们的系统账号并收回权限，名单见附件。'],
      },
    ],
    tags: ['账号'],
    replies: ['您好，账号已开通，初始密码已发送至各自邮箱。', '您好，手机号修改需要验证身份，请提供工号和部门负责人确认。'],
    askInfo: ['您好，请补充新员工的姓名、工号和所属部门。'],
    customerReplies: ZH_CUSTOMER,
    notes: ['{mention} 批量开户需要主管审批，请审批一下。'],
    holdNotes: ['等待客户部门负责人审批。'],
    resolutions: ['{count} 个账号均已开通并通知到本人。', '手机号已修改完成。'],
  },
  {
    key: 'refund',
    lang: 'zh',
    weight: 7,
    type: 'consult',
    category: 'refund',
    team: 'frontline',
    priority: { normal: 7, high: 3 },
    channels: { wechat: 4, phone: 3, web: 2, api: 1 },
    requesters: 'consumer',
    cases: [
      {
        titles: ['订单 {order} 申请退款', '取消订单后未收到退款'],
        descriptions: ['我在 {date} 下的订单 {order}，商品还没发货就取消了，申请全额退款 {amount} 元。'],
      },
      {
        titles: ['退款一周了还没到账', '退款怎么还没到'],
        descriptions: ['退款申请提交一周了，显示“退款中”，银行卡一直没到账，请帮忙查一下。订单号 {order}。'],
      },
      {
        titles: ['重复扣款，请退回多扣的 {amount} 元', '一个订单扣了两次钱'],
        descriptions: ['同一笔订单 {order} 被扣了两次款，每次 {amount} 元。'],
      },
      {
        // ambiguous: a lost parcel the customer wants refunded
        titles: ['快递丢了，要求退款'],
        descriptions: ['订单 {order} 物流显示在中转站一直没动，客服说可能丢件了，我不要了，直接退款吧。'],
      },
    ],
    tags: ['退款'],
    fields: { order_no: true, callback_time: true },
    replies: ['您好，退款已提交财务审核，预计 3-5 个工作日原路退回。', '您好，已核实重复扣款，多扣的款项已发起退回。'],
    askInfo: ['您好，请提供订单号和付款截图，方便我们核实。'],
    customerReplies: ['好的，我再等几天。', '已经 5 个工作日了，还是没有到账。', '收到退款了，谢谢！'],
    notes: ['{mention} 这笔退款超过 500 元，需要主管审批。', '{mention} 财务系统显示已打款，请帮忙查一下银行流水。'],
    holdNotes: ['等待财务审批退款。'],
    resolutions: ['退款 {amount} 元已原路退回，请注意查收。', '已核实款项到账，客户确认无误。'],
  },
  {
    key: 'invoice',
    lang: 'zh',
    weight: 7,
    type: 'consult',
    category: 'invoice',
    team: 'frontline',
    priority: { low: 4, normal: 6 },
    channels: { email: 5, web: 3, wechat: 2 },
    requesters: ['hualian', 'cmb', 'hospital', 'yunqi', 'tianfu', 'vanke'],
    cases: [
      {
        titles: ['申请开具增值税专用发票', '开一张专票'],
        descriptions: ['请为订单 {order} 开具增值税专用发票，金额 {amount} 元，开票信息见附件。'],
      },
      {
        titles: ['发票抬头开错了，需要重开', '发票抬头少了几个字'],
        descriptions: ['上周收到的发票抬头少了“有限公司”几个字，财务无法入账，请作废重开。'],
      },
      {
        titles: ['电子发票没有收到', '发票邮件没收到'],
        descriptions: ['付款已经一周，电子发票一直没有收到，邮箱是 {email}。'],
      },
      {
        titles: ['请开具 {month} 月维保服务费发票'],
        descriptions: ['{month} 月的维保服务费 {amount} 元已经付款，请开具发票寄到{org}财务部。'],
      },
      {
        // ambiguous: an invoice for a refunded order
        titles: ['退款订单的发票怎么处理'],
        descriptions: ['订单 {order} 已经部分退款 {amount} 元，原来开的发票要不要红冲重开？'],
      },
    ],
    tags: ['发票'],
    fields: { order_no: true },
    replies: ['您好，发票已开具，电子版已发送至您的邮箱，纸质专票将在 3 个工作日内寄出。', '您好，原发票已作废，新发票开具后会第一时间发送给您。'],
    askInfo: ['您好，请提供完整的开票信息：名称、税号、地址电话、开户行及账号。'],
    customerReplies: ZH_CUSTOMER,
    notes: ['{mention} 跨月发票不能直接作废，需要走红字发票流程，请协助。'],
    holdNotes: ['等待客户提供红字信息表。'],
    resolutions: ['新发票已开具并寄出，快递单号 SF{digits}。', '电子发票已重新发送，客户确认收到。'],
  },
  {
    key: 'delivery',
    lang: 'zh',
    weight: 6,
    type: 'consult',
    category: 'delivery',
    team: 'frontline',
    priority: { low: 2, normal: 6, high: 2 },
    channels: { wechat: 4, phone: 3, web: 2, api: 1 },
    requesters: 'consumer',
    cases: [
      {
        titles: ['订单 {order} 物流一直没有更新', '快递三天没动了'],
        descriptions: ['订单 {order} 显示已发货三天了，物流信息一直停在“已揽收”，麻烦催一下。'],
      },
      {
        titles: ['配送地址需要修改', '改一下收货地址'],
        descriptions: ['下单时地址填错了，需要改成公司地址，订单号 {order}。'],
      },
      {
        titles: ['收到的货物外包装破损', '货到了但是箱子破了'],
        descriptions: ['今天收到货，外箱破了一个大洞，里面的商品有划痕，已拍照。订单 {order}。'],
      },
      {
        titles: ['快递显示已签收但本人没有收到', '没收到货却显示签收'],
        descriptions: ['订单 {order} 物流显示昨天已签收，可我家里人都说没收到，快递员电话也打不通。'],
      },
    ],
    tags: ['配送'],
    fields: { order_no: true },
    replies: ['您好，已联系快递公司催件，预计明天派送。', '您好，地址已修改成功，将按新地址配送。'],
    askInfo: ['您好，请提供外包装和商品破损处的照片。'],
    customerReplies: ZH_CUSTOMER,
    notes: ['{mention} 快递公司说包裹在中转站丢失，需要走理赔。'],
    holdNotes: ['等待快递公司调查结果。'],
    resolutions: ['包裹已送达，客户确认签收。', '已为客户补发新品，破损商品无需退回。'],
  },
  {
    key: 'complaint',
    lang: 'zh',
    weight: 6,
    type: 'complaint',
    category: 'complaint',
    team: 'vip',
    priority: { normal: 4, high: 5, urgent: 1 },
    channels: { phone: 4, email: 2, wechat: 3, web: 1 },
    requesters: 'any',
    cases: [
      {
        titles: ['投诉：维修人员未按约定时间上门', '说好的上门一直没人来'],
        descriptions: ['约好今天上午 10 点上门，一直等到下午 3 点都没人来，电话也打不通，严重影响我们营业。'],
      },
      {
        titles: ['对客服处理态度不满意', '投诉客服态度'],
        descriptions: ['昨天打电话咨询，客服态度很差，问题没解决就挂了电话，希望给个说法。'],
      },
      {
        // ambiguous: a complaint about a printer repaired three times
        titles: ['同一个问题报修三次仍未解决', '打印机修了三次还是坏'],
        descriptions: ['这个月打印机已经报修三次了，每次来修完没两天又坏，要求更换设备。'],
      },
      {
        titles: ['投诉：工程师上门后现场未清理'],
        descriptions: ['工程师修完走了，地上全是包装和灰，也没说一声，太不专业了。'],
      },
    ],
    tags: ['投诉'],
    fields: { severity: true, compensation: true },
    replies: ['非常抱歉给您带来不好的体验，我是 VIP 服务专员{agent}，会全程跟进此事，今天内给您答复。'],
    askInfo: ['您好，请问方便提供一下当时的通话时间吗？我们调取录音核实。'],
    customerReplies: ['希望这次能真正解决。', '你们的处理方案我们可以接受。', '到现在还没有人联系我，很失望。'],
    notes: ['{mention} 客户投诉上门迟到，请核实{eng}当天的行程记录。', '{mention} 建议给予一次免费上门服务作为补偿，请审批。'],
    holdNotes: ['等待相关部门提交调查说明。'],
    resolutions: ['已向客户致歉，并赠送一次免费上门保养，客户表示接受。', '已为客户更换新设备，并对相关人员进行了培训。'],
  },
  {
    key: 'suggestion',
    lang: 'zh',
    weight: 2,
    type: 'complaint',
    category: 'complaint',
    team: 'frontline',
    priority: { low: 8, normal: 2 },
    channels: { web: 3, wechat: 3, email: 2 },
    requesters: 'any',
    cases: [
      {
        titles: ['建议：增加微信公众号报修入口', '能不能在公众号里报修'],
        descriptions: ['现在报修只能打电话，高峰期经常占线，建议在公众号里增加在线报修功能。'],
      },
      {
        titles: ['建议工程师上门前电话提前告知'],
        descriptions: ['建议工程师出发前打个电话，方便我们安排人员接待。'],
      },
      {
        titles: ['希望报修进度可以短信通知'],
        descriptions: ['报修以后不知道进度，每次都要打电话问，希望能短信通知处理进度。'],
      },
    ],
    tags: ['建议'],
    fields: { severity: true },
    replies: ['感谢您的宝贵建议，我们已转交产品团队评估。'],
    askInfo: ZH_ASK,
    customerReplies: ['好的，期待改进。'],
    notes: ['{mention} 客户建议汇总到本月的服务改进会上讨论。'],
    holdNotes: ['已纳入下季度改进计划。'],
    resolutions: ['建议已采纳，预计下月上线，届时通知您。', '感谢建议，已在内部流程中落实。'],
  },
  {
    key: 'consult-general',
    lang: 'zh',
    weight: 4,
    type: 'consult',
    category: 'billing',
    team: 'frontline',
    priority: { low: 6, normal: 4 },
    channels: { phone: 4, wechat: 4, web: 2 },
    requesters: 'any',
    cases: [
      {
        titles: ['咨询：维保套餐包含哪些服务？', '维保套餐怎么收费'],
        descriptions: ['想了解一下你们的年度维保套餐具体包含哪些服务，是否包含备件费用。'],
      },
      {
        titles: ['请问节假日是否有人值班？'],
        descriptions: ['春节期间设备如果出现故障，是否有工程师值班？'],
      },
      {
        titles: ['咨询上门维修的收费标准', '上门费怎么算'],
        descriptions: ['保修期外上门维修怎么收费？是按次还是按小时？'],
      },
    ],
    tags: ['咨询'],
    fields: { callback_time: true },
    replies: ['您好，年度维保套餐包含每季度一次巡检和不限次数的故障上门，备件另计，详细报价已发到您的邮箱。', '您好，我们 7×24 小时有值班工程师，电梯困人 30 分钟内到场。'],
    askInfo: ['您好，请问您需要维保的设备数量和所在城市？'],
    customerReplies: ZH_CUSTOMER,
    notes: ['{mention} 潜在大客户，请销售跟进。'],
    holdNotes: ['等待销售提供报价。'],
    resolutions: ['已解答客户疑问，客户表示满意。'],
  },
  // English
  {
    key: 'en-billing',
    lang: 'en',
    weight: 6,
    type: 'consult',
    category: 'invoice',
    team: 'vip',
    priority: { low: 3, normal: 5, high: 2 },
    channels: { email: 6, web: 3, api: 1 },
    requesters: 'english',
    cases: [
      {
        titles: ['Invoice {invoice} shows the wrong amount', 'Wrong amount on invoice {invoice}'],
        descriptions: ['Hi, our invoice {invoice} lists {amount} CNY but the agreed price was lower. Could you please check and send a corrected invoice?'],
      },
      {
        titles: ['Charged twice for the same order', 'Request for a refund on order {order}'],
        descriptions: ['We were charged twice for order {order} ({amount} CNY each). Please refund the duplicate payment.'],
      },
      {
        titles: ['Need a VAT invoice for {monthEn}', 'VAT fapiao for {monthEn}'],
        descriptions: ['Our finance team needs a special VAT invoice for the maintenance fees of {monthEn}. Company details are in the attachment.'],
      },
      {
        titles: ['Billing address on our invoices is outdated'],
        descriptions: ['We moved offices last month; please update the billing address on our invoices to the new one in the attachment.'],
      },
    ],
    tags: ['账务', '英文客户'],
    fields: { order_no: true },
    replies: ['Hi {name}, thanks for reaching out. I have forwarded this to our finance team and will update you within one business day.', 'Hi {name}, the corrected invoice has been issued and sent to your email.'],
    askInfo: EN_ASK,
    customerReplies: EN_CUSTOMER,
    notes: ['{mention} English-speaking VIP customer, please check the contract price before we reissue.'],
    holdNotes: EN_HOLD,
    resolutions: ['The duplicate charge of {amount} CNY has been refunded to the original card.', 'A corrected invoice has been issued; the old one is void.'],
  },
  {
    key: 'en-account',
    lang: 'en',
    weight: 4,
    type: 'consult',
    category: 'account',
    team: 'frontline',
    priority: { low: 3, normal: 6, high: 1 },
    channels: { email: 5, web: 4, api: 1 },
    requesters: 'english',
    cases: [
      {
        titles: ['Cannot log in after password reset', 'Login not working'],
        descriptions: ['After resetting my password this morning I keep getting "invalid credentials". I am sure the password is right.'],
      },
      {
        titles: ['Please add {count} new users to our account'],
        descriptions: ['We have {count} new colleagues joining next week. Please create accounts for them, list attached.'],
      },
      {
        titles: ['Two-factor code not received', 'No SMS code'],
        descriptions: ['The SMS code for two-factor sign-in never arrives on my phone ({phone}).'],
      },
      {
        titles: ['How do I change the account owner?'],
        descriptions: ['Our account owner has left the company. How do we transfer the account to {name}?'],
      },
    ],
    tags: ['账号', '英文客户'],
    replies: ['Hi {name}, I have unlocked your account; please try again and let me know if it works.', 'Hi {name}, the accounts are created and invitations have been sent.'],
    askInfo: EN_ASK,
    customerReplies: EN_CUSTOMER,
    notes: ['{mention} could you double-check the SMS gateway logs for this number?'],
    holdNotes: EN_HOLD,
    resolutions: ['Account unlocked and the customer confirmed they can sign in.', 'All {count} accounts are active.'],
  },
  {
    key: 'en-it',
    lang: 'en',
    weight: 4,
    type: 'repair',
    category: 'printer',
    team: 'hardware',
    field: true,
    priority: { normal: 6, high: 4 },
    channels: { email: 5, phone: 3, web: 2 },
    requesters: 'english',
    cases: [
      {
        titles: ['Office printer offline on the {place}', 'Printer shows offline'],
        descriptions: ['The shared printer at our {place} shows "offline" for everyone since this morning. We already restarted it.'],
      },
      {
        titles: ['Wi-Fi keeps dropping in meeting room B', 'wifi in meeting room B'],
        descriptions: ['Video calls in meeting room B drop every few minutes; other rooms are fine.'],
      },
      {
        titles: ['Laptop does not boot after update', 'Laptop stuck on boot screen'],
        descriptions: ['My {model} installed an update last night and now it is stuck on the logo screen.'],
      },
    ],
    tags: ['英文客户', '上门'],
    fields: { device_model: ['hp-m1136', 'canon-ir2525', 'thinkpad-x1', 'huawei-ar6120'], fault_date: true, onsite: 'either' },
    replies: ['Hi {name}, our engineer {eng} will visit today before {time}.'],
    askInfo: EN_ASK,
    customerReplies: EN_CUSTOMER,
    notes: ['{mention} customer prefers English, please bring the spare fuser unit.'],
    holdNotes: ['Waiting for the spare part from the vendor.'],
    resolutions: ['Replaced the network card of the printer; printing works again.', 'Moved the access point and updated its firmware; the connection is stable now.'],
  },
  {
    key: 'en-delivery',
    lang: 'en',
    weight: 3,
    type: 'consult',
    category: 'delivery',
    team: 'frontline',
    priority: { normal: 6, high: 4 },
    channels: { email: 6, api: 2, web: 2 },
    requesters: 'english',
    cases: [
      {
        titles: ['Shipment {order} stuck in customs'],
        descriptions: ['Our shipment {order} has been at customs for five days. Can you check what documents are missing?'],
      },
      {
        titles: ['Wrong items delivered for order {order}'],
        descriptions: ['We received 20 toner cartridges instead of 20 drum units for order {order}.'],
      },
      {
        titles: ['Delivery date for order {order}?', 'When will order {order} arrive?'],
        descriptions: ['Could you tell us when order {order} will be delivered? We need it before the end of the week.'],
      },
    ],
    tags: ['配送', '英文客户'],
    fields: { order_no: true },
    replies: ['Hi {name}, I am checking with the logistics team and will get back to you today.'],
    askInfo: EN_ASK,
    customerReplies: EN_CUSTOMER,
    notes: ['{mention} customs broker needs the commercial invoice again, can you resend?'],
    holdNotes: EN_HOLD,
    resolutions: ['The shipment cleared customs and was delivered this morning.', 'The correct items were delivered and the wrong ones picked up.'],
  },
  {
    key: 'en-complaint',
    lang: 'en',
    weight: 2,
    type: 'complaint',
    category: 'complaint',
    team: 'vip',
    priority: { normal: 4, high: 6 },
    channels: { email: 7, phone: 3 },
    requesters: 'english',
    cases: [
      {
        titles: ['Engineer did not show up for the scheduled visit', 'Missed appointment again'],
        descriptions: ['We waited all morning for the engineer who was scheduled at 9:00. Nobody called us. This is the second time.'],
      },
      {
        titles: ['Very slow response to our urgent ticket'],
        descriptions: ['Our urgent request took two days to get a first answer. This is not acceptable under our SLA.'],
      },
    ],
    tags: ['投诉', '英文客户'],
    fields: { severity: true, compensation: true },
    replies: ['Hi {name}, I am very sorry about this. I am the VIP service manager for your account and will personally follow up.'],
    askInfo: EN_ASK,
    customerReplies: EN_CUSTOMER,
    notes: ['{mention} please check why the visit was missed and propose a goodwill gesture.'],
    holdNotes: EN_HOLD,
    resolutions: ['We apologised, rescheduled the visit and credited one free maintenance visit.'],
  },
];
