import type { TermGroup } from './lexicon-types';

// Chinese lexicon, matched as substrings of the normalized text, longest match first. Single
// characters are avoided where they live inside unrelated words (差 in 差不多, 烂 in 灿烂); the
// blockers at the end catch the rest.

export const ZH_LEXICON: readonly TermGroup[] = [
  // Escalation threats: regulators, courts, media. The strongest signal of an angry customer.
  {
    kind: 'negative',
    weight: 2,
    anger: 1.5,
    terms: ['12315', '消协', '消费者协会', '律师', '律师函', '起诉', '法院', '打官司', '法律途径', '我要报警', '去报警', '我会报警', '已经报警', '我报警了', '黑猫投诉', '工商局', '市场监管局', '媒体', '曝光', '维权'],
  },
  { kind: 'negative', weight: 1.5, anger: 1.2, terms: ['315', '工商', '市场监管', '找媒体', '后果自负', '走着瞧', '社交媒体'] },
  // A formal complaint or a refusal to pay: the customer says it outright.
  { kind: 'negative', weight: 2, anger: 1, terms: ['投诉', '差评', '举报', '给差评'] },
  // Anger words.
  { kind: 'negative', weight: 2, anger: 1.5, terms: ['气死', '气死了', '愤怒', '忍无可忍', '欺人太甚', '岂有此理', '奸商', '干什么吃的', '骗子'] },
  {
    kind: 'negative',
    weight: 1.5,
    anger: 1,
    terms: ['气人', '生气', '火大', '恼火', '受不了', '太过分', '过分了', '什么破', '破玩意', '黑心', '无良', '垃圾', '骗人', '骗钱', '欺骗', '诈骗', '有没有搞错', '搞什么鬼', '有完没完', '还让不让人', '还好意思', '你们什么意思', '凭什么', '滚'],
  },
  {
    kind: 'negative',
    weight: 1.5,
    anger: 0.8,
    terms: ['忽悠', '坑人', '坑爹', '被坑', '太坑', '恶心', '糟透', '烂透', '离谱', '太离谱', '敷衍', '推诿', '推卸', '踢皮球', '推来推去', '一拖再拖', '给个说法', '讨个说法', '要个说法', '给个交代', '给我一个交代', '搞什么', '不负责任', '慢死了'],
  },
  // Dissatisfaction without open anger.
  {
    kind: 'negative',
    weight: 1.5,
    anger: 0.4,
    terms: ['失望', '不满', '不满意', '差劲', '太差', '服务差', '态度差', '态度恶劣', '恶劣', '没人管', '没人理', '不负责', '浪费时间', '白等', '等太久', '太慢', '不够专业', '不够好'],
  },
  {
    kind: 'negative',
    weight: 1.2,
    anger: 0.4,
    terms: ['不爽', '很差', '真差', '好差', '质量差', '无语', '糟糕', '太烂', '很烂', '稀烂', '破烂', '没人回复', '没人处理', '没人接', '没人联系', '不专业', '不靠谱', '赔偿', '索赔', '退钱', '拖延', '等了很久', '等了半天', '找你们领导', '叫你们经理', '找领导', '没有回复', '没有人管', '没有人理', '没有人处理', '没有人回复', '没有任何回复', '没有任何反馈', '没反馈', '没有反馈', '没人跟进', '没有人跟进', '无人处理', '无人理睬', '无人问津', '还没有解决'],
  },
  {
    kind: 'negative',
    weight: 1,
    anger: 0.3,
    terms: ['不好', '不太好', '不好用', '不理想', '不怎么样', '不及时', '不回复', '不处理', '不理', '没回复', '没解决', '没有解决', '未解决', '还没解决', '无奈', '耽误', '拖了', '催了', '这么慢', '那么慢', '效率低', '呵呵'],
  },
  { kind: 'negative', weight: 0.7, anger: 0.2, terms: ['特别慢', '非常慢', '慢吞吞', '不太行', '一般般', '还要等', '怎么还', '为什么还', '损失', '满意的答复', '满意的结果', '满意的解决方案', '满意的处理', '满意的交代'] },
  // Mild (0.5 alone stays neutral): a refund status question or a slow network is not yet a complaint.
  { kind: 'negative', weight: 0.5, anger: 0.1, terms: ['退款', '退货', '退费', '很慢', '好慢', '有点慢'] },
  // Distress: the customer is desperate or in danger.
  { kind: 'negative', weight: 1.5, anger: 1.5, terms: ['救命', '急死', '急死了', '急坏了', '绝望', '要疯了', '快疯了', '人命关天', '被困', '着火', '求求你们'] },
  { kind: 'negative', weight: 1.2, anger: 0.8, terms: ['崩溃', '心累', '疯了', '出大事', '等不了', '焦急'] },
  { kind: 'negative', weight: 0.8, anger: 0.6, terms: ['着急', '等不及', '到底', '难道', '快点', '什么时候才', '等到什么时候', '要等到什么时候', '要等多久'] },
  { kind: 'negative', weight: 0.3, anger: 0.3, terms: ['怎么回事', '怎么办', '求助'] },
  // Urgency.
  { kind: 'urgency', weight: 0.5, anger: 0.6, terms: ['急', '紧急', '特急', '赶紧', '赶快', '火速', '急用', '急需'] },
  { kind: 'urgency', weight: 1, anger: 1.2, terms: ['十万火急', '火烧眉毛', '刻不容缓'] },
  { kind: 'urgency', weight: 0.3, anger: 0.4, terms: ['加急', '立刻', '立即', '马上'] },
  { kind: 'urgency', weight: 0.2, anger: 0.2, terms: ['尽快', '尽早'] },
  // Still waiting.
  { kind: 'waiting', weight: 0.4, anger: 0.3, terms: ['还没', '还没有', '一直没', '仍然没', '迟迟没', '迟迟不', '至今没', '到现在还', '到现在都'] },
  // Questions whether it is fixed yet: waiting, not praise.
  { kind: 'waiting', weight: 0.3, anger: 0.2, terms: ['解决了吗', '解决了没', '解决了没有', '好了吗', '好了没', '修好了吗', '修好了没', '可以了吗', '搞定了吗', '恢复了吗', '正常了吗', '能用了吗'] },
  // Defects described neutrally; weak and capped (see detect-sentiment.ts).
  {
    kind: 'fault',
    weight: 0.3,
    terms: ['坏了', '坏掉', '损坏', '宕机', '挂了', '崩了', '死机', '卡死', '失灵', '不能用', '用不了', '没反应', '闪退', '瘫痪', '断网', '黑屏', '不工作', '不好使', '不行', '系统崩溃', '程序崩溃', '软件崩溃', '应用崩溃', '无响应', '得厉害'],
  },
  { kind: 'fault', weight: 0.2, terms: ['故障', '报错', '出错', '卡顿', '掉线', '异常'] },
  // Repeated contact or repeated failure.
  { kind: 'repeat', weight: 0.8, terms: ['又', '再次', '又一次', '反复', '多次', '好几次', '屡次', '一次又一次', '每次都', '老是', '三番五次', '三番两次'] },
  { kind: 'repeat', weight: 0.5, terms: ['一直', '总是', '还是', '仍然', '依然', '依旧', '始终'] },
  // Good words.
  { kind: 'positive', weight: 1.5, terms: ['好评', '五星好评', '非常满意', '点赞'] },
  {
    kind: 'positive',
    weight: 1.2,
    terms: ['满意', '给力', '优秀', '周到', '感激', '喜欢', '开心', '高兴', '好用', '很专业', '非常专业', '高效', '五星', '解决了', '已解决', '搞定了', '修好了', '很好', '非常好', '特别好', '真好', '超好', '好棒'],
  },
  { kind: 'positive', weight: 1, terms: ['不错', '还不错', '挺好', '不差', '热情', '很及时', '非常及时', '处理及时', '响应及时', '回复及时', '正常了', '能用了', '赞'] },
  { kind: 'positive', weight: 0.6, terms: ['谢谢', '感谢', '多谢', '辛苦了', '辛苦', '谢了', '可以了', '麻烦了'] },
  { kind: 'positive', weight: 0.5, terms: ['没问题', '没有问题', '没毛病', '好了', '恢复了', '耐心', '专业'] },
  // Praise that is sarcastic when a repeated failure follows it.
  { kind: 'praise', weight: 1.2, terms: ['太好了', '好极了', '真棒', '太棒了', '棒', '真行', '厉害', '完美', '真是好', '好样的'] },
  // Negators: flip the next sentiment word within a short window.
  {
    kind: 'negator',
    terms: ['不', '没', '没有', '并不', '并没有', '不是', '并非', '未', '从不', '从来不', '从没', '从来没有', '不太', '不怎么', '不够', '一点也不', '一点都不', '毫不'],
  },
  { kind: 'imperative', terms: ['别', '不要', '请勿', '莫', '别再', '不要再'] },
  // Intensifiers (weight = factor).
  { kind: 'intensifier', weight: 1.5, terms: ['非常', '太', '特别', '十分', '超级', '简直', '根本', '太过', '严重', '极度', '极其', '相当'] },
  { kind: 'intensifier', weight: 1.3, terms: ['真的', '真是', '实在', '完全', '很', '挺', '超', '巨', '好'] },
  // Contrast: what follows decides.
  { kind: 'contrast', terms: ['但是', '但', '可是', '不过', '然而', '却'] },
  // Longer words containing a lexicon word but meaning something neutral.
  {
    kind: 'blocker',
    terms: [
      '急救', '急诊', '应急', '急性', '急停', '急救箱', '紧急联系人', '紧急联系电话', '紧急预案',
      '垃圾桶', '垃圾箱', '垃圾袋', '垃圾分类', '垃圾清理', '垃圾回收', '垃圾邮件', '垃圾短信', '垃圾文件', '垃圾站', '垃圾车', '垃圾房', '垃圾清运', '清理垃圾', '倒垃圾',
      '曝光度', '曝光过度', '曝光不足', '曝光时间', '曝光补偿', '自动曝光', '曝光参数',
      '多媒体', '流媒体', '媒体播放', '媒体文件', '媒体库',
      '律师事务所', '工商银行', '工商注册', '工商信息', '工商执照',
      '不好意思', '满意度', '很好奇', '好奇', '好像', '好的', '好友', '好久', '好处', '好几', '好多', '好在', '你好', '您好', '友好', '最好', '刚好', '正好', '只好', '还好',
      '棒球', '接力棒', '赞助', '专业版', '专业人员', '专业人士', '专业术语', '专业技术',
      '不过来', '不但', '但愿', '不好说', '不理解', '没关系', '没事', '不客气', '不用谢', '别客气',
      '超时', '超过', '超出', '超市', '超期', '太阳', '太太', '还是说', '一直在线', '到底部',
      '滚动', '滚筒', '滚轮', '滚珠', '翻滚', '滚屏',
      '退款到账', '退款账户', '又称', '又名',
    ],
  },
];
