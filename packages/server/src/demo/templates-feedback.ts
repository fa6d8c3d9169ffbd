// Ticket scripts of feedback in Chinese: complaints, suggestions and general questions.
import type { Template } from './templates-types';
import { ZH_CUSTOMER, ZH_ASK } from './templates-phrases';

export const FEEDBACK_TEMPLATES: Template[] = [
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
];
