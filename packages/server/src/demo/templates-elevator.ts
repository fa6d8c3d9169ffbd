// Ticket scripts of elevators: people trapped, noises, inspections and maintenance contracts.
import type { Template } from './templates-types';
import { ZH_CUSTOMER } from './templates-phrases';

export const ELEVATOR_TEMPLATES: Template[] = [
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
];
