// Ticket scripts of the service desk in Chinese: sign-in, accounts, refunds, invoices and deliveries.
import type { Template } from './templates-types';
import { ZH_CUSTOMER } from './templates-phrases';

export const DESK_TEMPLATES: Template[] = [
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
];
