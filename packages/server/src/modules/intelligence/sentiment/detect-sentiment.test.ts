import { describe, expect, it } from 'vitest';
import { detectSentiment, sentimentPriorityBoost } from './index';

const label = (text: string) => detectSentiment(text).label;

describe('Chinese complaints are negative', () => {
  it.each([
    ['我要投诉你们的客服'],
    ['给你们差评'],
    ['你们的服务太差了'],
    ['真的很失望'],
    ['什么垃圾系统'],
    ['你们就是骗子'],
    ['已经等了很久了'],
    ['客服态度恶劣'],
    ['一直踢皮球，没人管'],
    ['敷衍了事，不负责任'],
    ['说好的今天上门，结果没人来，浪费时间'],
    ['这质量也太差劲了吧'],
    ['不是很满意'],
    ['不太满意这次的处理结果'],
    ['并不满意'],
    ['一点都不专业'],
    ['我的问题还没解决'],
    ['你们到底能不能修好'],
    ['什么时候才能处理完？'],
    ['几天了还没修好'],
    ['谢谢，但是已经三天没人处理了'],
    ['辛苦了，不过这个问题第三次出现了，还是不行'],
    ['好极了，又坏了'],
    ['太好了，又死机了'],
    ['呵呵，你们真行'],
    ['怎么又是这样，你们到底有没有人管？'],
    ['别敷衍我'],
    ['不要再推来推去了'],
    ['我要退款！！'],
  ])('%s', (text) => {
    expect(label(text)).toBe('negative');
  });
});

describe('angry or distressed Chinese customers are flagged', () => {
  it.each([
    ['气死我了，三天了还没人来修'],
    ['我要打12315投诉你们'],
    ['再不处理我就找媒体曝光'],
    ['已经找律师了，准备起诉'],
    ['你们是干什么吃的？？？'],
    ['凭什么扣我钱'],
    ['难道要我天天打电话催吗？！'],
    ['受不了了，这已经是第三次了'],
    ['急！！！服务器宕机'],
    ['救命，电梯被困了'],
    ['十万火急，生产线全停了'],
    ['急急急，系统用不了'],
    ['！！！！！！'],
    ['？？？！！！'],
    ['客服一直不回复，我已经打了五次电话了'],
    ['有没有搞错，又扣费'],
    ['再不退款我就去消协'],
  ])('%s', (text) => {
    const r = detectSentiment(text);
    expect(r.label).toBe('negative');
    expect(r.angry).toBe(true);
  });

  it('a polite complaint is negative but not angry', () => {
    const r = detectSentiment('谢谢，但是已经三天没人处理了');
    expect(r).toMatchObject({ label: 'negative', angry: false });
    expect(r.cues).toEqual(['已经三天没', '没人处理']);
    expect(r.cues).not.toContain('谢谢');
  });

  it('the same complaint shouted is angry', () => {
    expect(detectSentiment('谢谢，但是已经三天没人处理了！！！').angry).toBe(true);
  });

  it('urgency alone is not anger', () => {
    expect(detectSentiment('请尽快处理，谢谢')).toMatchObject({ angry: false });
    expect(detectSentiment('加急：明天上午需要开通账号').angry).toBe(false);
  });

  it('dissatisfaction without anger or distress is not angry', () => {
    expect(detectSentiment('有点失望').angry).toBe(false);
    expect(detectSentiment('不太满意').angry).toBe(false);
  });
});

describe('Chinese neutral requests', () => {
  it.each([
    ['打印机无法连接网络'],
    ['请帮忙重置一下密码'],
    ['发票抬头需要修改成公司名称'],
    ['请问怎么导出报表'],
    ['系统崩溃了'],
    ['请帮忙看一下这个报错'],
    ['我的订单还没到，能查一下吗'],
    ['请问退款什么时候到账'],
    ['网络很慢'],
    ['不急，有空再处理'],
    ['不是投诉，只是想问一下流程'],
    ['我想再次确认一下地址'],
    ['一直在线但是收不到消息'],
    ['摄像头曝光过度，画面发白'],
    ['小区垃圾桶满了，麻烦安排清运'],
    ['急救箱需要补货'],
    ['请把紧急联系人改成我爱人'],
    ['多媒体教室的投影仪没有声音'],
    ['工商银行的卡绑定不了'],
    ['不好意思，打扰一下，发票开好了吗'],
    ['满意度调查在哪里填'],
    ['设备报警，代码E21'],
    ['滚动条拖不动'],
    ['这个参数是什么意思'],
    ['没有问题'],
    [''],
    ['   '],
  ])('%s', (text) => {
    const r = detectSentiment(text);
    expect(r.label).toBe('neutral');
    expect(r.angry).toBe(false);
  });

  it('没有问题 is neutral or positive, never negative', () => {
    expect(['neutral', 'positive']).toContain(label('没有问题'));
    expect(['neutral', 'positive']).toContain(label('测试过了，没问题'));
    expect(detectSentiment('没有问题').score).toBeGreaterThan(0);
  });

  it('a negated urgency or complaint is cancelled and shows as a cue', () => {
    expect(detectSentiment('不急，有空再处理').cues).toEqual(['不急']);
    expect(detectSentiment('不是投诉').score).toBe(0);
  });
});

describe('Chinese praise is positive', () => {
  it.each([
    ['不错'],
    ['还不错'],
    ['非常满意'],
    ['谢谢'],
    ['好的，谢谢'],
    ['非常感谢你们的耐心解答，问题已解决！'],
    ['服务态度很好，五星好评'],
    ['工程师很专业，点赞'],
    ['太棒了！！！'],
    ['修好了，辛苦了'],
    ['虽然有点慢，但是解决了，很满意'],
    ['处理及时，给力'],
  ])('%s', (text) => {
    const r = detectSentiment(text);
    expect(r.label).toBe('positive');
    expect(r.angry).toBe(false);
    expect(r.score).toBeGreaterThan(0);
  });

  it('a mixed review is not negative', () => {
    expect(['neutral', 'positive']).toContain(label('东西不错，就是物流有点慢'));
  });

  it('exclamation marks make a happy message more intense, not negative', () => {
    const calm = detectSentiment('太棒了');
    const loud = detectSentiment('太棒了！！！');
    expect(loud.label).toBe('positive');
    expect(loud.intensity).toBeGreaterThan(calm.intensity);
  });
});

describe('negation, intensifiers and contrast', () => {
  it('不错 is one positive word, not 不 + 错', () => {
    expect(detectSentiment('不错').cues).toEqual(['不错']);
  });

  it('the negator reaches over an intensifier and reports the whole phrase', () => {
    expect(detectSentiment('不是很满意').cues).toEqual(['不是很满意']);
  });

  it('a clause break ends the negation', () => {
    expect(label('不，满意')).toBe('positive');
  });

  it('a negator does not reach too far', () => {
    expect(label('没有想到这次的售后服务让人满意')).toBe('positive');
  });

  it('intensifiers make it stronger', () => {
    expect(detectSentiment('非常失望').score).toBeLessThan(detectSentiment('失望').score);
    expect(detectSentiment('真的非常满意').score).toBeGreaterThan(detectSentiment('满意').score);
  });

  it('after 但是 the second clause decides', () => {
    expect(label('有点慢，但是解决了，很满意')).toBe('positive');
    expect(label('挺好的，但是又坏了，真失望')).toBe('negative');
  });

  it('thanks do not hide a complaint', () => {
    const r = detectSentiment('感谢你们，辛苦了，可是我的问题到现在还没有人处理，太失望了');
    expect(r.label).toBe('negative');
    expect(r.cues).not.toContain('感谢');
  });

  it('repeat cues amplify only a bad text', () => {
    expect(label('又')).toBe('neutral');
    expect(label('再次感谢')).toBe('positive');
    expect(detectSentiment('又坏了').score).toBeLessThan(detectSentiment('坏了').score);
  });

  it('sarcasm: praise followed by a repeated failure', () => {
    const r = detectSentiment('好极了，又坏了');
    expect(r.label).toBe('negative');
    expect(r.cues).toEqual(['好极了', '又', '坏了']);
  });

  it('the threat 再不…就', () => {
    expect(detectSentiment('再不处理我就投诉').cues).toEqual(['再不…就', '投诉']);
  });
});

describe('mixed Chinese and English', () => {
  it.each([
    ['你们的app又crash了，really frustrating!!', 'negative', true],
    ['这个bug已经report了三次了，still not fixed', 'negative', true],
    ['VPN连不上，急！！！', 'negative', true],
    ['Thanks，问题已解决', 'positive', false],
    ['系统很好用，great job', 'positive', false],
    ['请帮忙把CRM的导出权限打开', 'neutral', false],
    ['ERP登录报错 error code 500', 'neutral', false],
  ] as const)('%s → %s', (text, expected, angry) => {
    const r = detectSentiment(text);
    expect(r.label).toBe(expected);
    expect(r.angry).toBe(angry);
  });

  it('full-width punctuation and letters are read as ASCII', () => {
    expect(detectSentiment('ＵＮＡＣＣＥＰＴＡＢＬＥ！！！').label).toBe('negative');
    expect(detectSentiment('真的受不了了？！').cues).toContain('?!');
  });
});

describe('result shape and boost', () => {
  it('score, intensity and cues stay in range', () => {
    for (const text of ['气死了！！！我要投诉！！！骗子！！！垃圾！！！12315！！！', '非常非常满意，五星好评，点赞，谢谢，辛苦了', '打印机无法连接网络']) {
      const r = detectSentiment(text);
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.intensity).toBeGreaterThanOrEqual(0);
      expect(r.intensity).toBeLessThanOrEqual(1);
      expect(new Set(r.cues).size).toBe(r.cues.length);
    }
  });

  it('a neutral text has no cues, a score of 0 and no intensity', () => {
    expect(detectSentiment('打印机无法连接网络')).toEqual({ label: 'neutral', score: 0, angry: false, intensity: 0, cues: [] });
  });

  it.each([
    ['请帮忙重置一下密码', 0],
    ['有点失望', 0],
    ['急！！！服务器宕机', 1],
    ['我要投诉', 1],
    ['我要打12315投诉你们', 2],
    ['气死了！！！三天了还没人来修，再不处理我就找律师', 2],
    ['救命，电梯被困了', 2],
  ] as const)('%s boosts priority by %i', (text, boost) => {
    expect(sentimentPriorityBoost(detectSentiment(text))).toBe(boost);
  });

  it('the boost reads only angry and intensity', () => {
    expect(sentimentPriorityBoost({ angry: false, intensity: 1 })).toBe(0);
    expect(sentimentPriorityBoost({ angry: true, intensity: 0.5 })).toBe(1);
    expect(sentimentPriorityBoost({ angry: true, intensity: 0.75 })).toBe(2);
  });
});
