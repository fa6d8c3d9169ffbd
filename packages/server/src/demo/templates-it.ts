// Ticket scripts of IT hardware repairs: printers, computers and the network (field service).
import type { Template } from './templates-types';
import { ZH_CUSTOMER, ZH_ASK, ZH_HOLD } from './templates-phrases';

export const IT_TEMPLATES: Template[] = [
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
];
