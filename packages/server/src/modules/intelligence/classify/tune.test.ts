import { describe, expect, it } from 'vitest';
import { train } from './model';
import { naiveBayesWeights } from './naive-bayes';
import { deserializeModel, serializeModel } from './serialize';
import { scoreUnknown } from './score-unknown';
import { settingsOf, trainTuned, tuningSplit, unknownThreshold, type Scored } from './tune';

// Settings chosen on held-back parts of the training texts, and "none of these".

const TOPICS: [string, string[]][] = [
  ['打印机', ['打印机卡纸', '打印机缺墨', '打印机脱机', '复印机卡纸', '打印出来全是黑条', '打印机没反应']],
  ['网络', ['网络断开无法上网', 'WiFi 经常断线', 'VPN 连不上', '网页打开很慢', '交换机故障断网', '内网访问不了']],
  ['密码', ['忘记密码', '密码错误登录不了', '账号被锁定', '重置邮箱密码', '密码过期', '修改登录密码']],
  ['发票', ['发票抬头开错', '开具增值税发票', '发票什么时候寄出', '补开发票', '电子发票下载', '发票金额不对']],
  ['空调', ['空调不制冷', '空调漏水', '空调噪音很大', '空调遥控器坏了', '空调温度调不了', '空调不出风']],
  ['门禁', ['门禁卡刷不开', '门禁卡丢了', '访客门禁登记', '门禁系统故障', '补办门禁卡', '门禁刷卡没反应']],
];
const EXAMPLES = TOPICS.flatMap(([label, texts]) => texts.flatMap((t) => [t, `${t}，麻烦尽快处理`, `请问${t}怎么办`, `${t}了，谢谢`].map((text) => ({ text, label }))));

describe('tuning split', () => {
  it('holds back every text of one class in five and about one text in five of the others, the same for the same seed', () => {
    const labels = EXAMPLES.map((e) => e.label);
    const s = tuningSplit(labels);
    expect(tuningSplit(labels)).toEqual(s);
    const unknownClasses = new Set(s.unknown.map((n) => labels[n]));
    expect(unknownClasses.size).toBe(1);
    expect(s.fit.some((n) => unknownClasses.has(labels[n]))).toBe(false);
    expect(s.fit.length + s.known.length + s.unknown.length).toBe(labels.length);
    const rest = labels.length - s.unknown.length;
    expect(s.known.length).toBeGreaterThan(rest * 0.1);
    expect(s.known.length).toBeLessThan(rest * 0.3);
  });

  it('holds back no whole class when there are fewer than five', () => {
    expect(tuningSplit(['a', 'b', 'c', 'd', 'a', 'b']).unknown).toEqual([]);
  });
});

describe('unknown threshold', () => {
  const s = (top: number, right: boolean, unknown = false): Scored => ({ top, right, unknown });
  it('rejects the low scores where unknown texts are, keeping the known ones', () => {
    const th = unknownThreshold([s(0.9, true), s(0.8, true), s(0.7, true), s(0.2, false, true), s(0.1, false, true)], 1);
    expect(th).toBeGreaterThan(0.2);
    expect(th).toBeLessThan(0.7);
  });
  it('rejects nothing when every unknown text scores above the known ones, or the unknown texts count for too little', () => {
    expect(unknownThreshold([s(0.5, true), s(0.6, true), s(0.9, false, true)], 1)).toBe(-Infinity);
    expect(unknownThreshold([s(0.5, true), s(0.6, true), s(0.55, false, true)], 0.01)).toBe(-Infinity);
    expect(unknownThreshold([s(0.5, true), s(0.6, true), s(0.55, false, true)], 1)).toBeCloseTo(0.575, 5);
  });
  it('counts a wrong known text as no loss when it is rejected', () => {
    expect(unknownThreshold([s(0.9, true), s(0.2, false), s(0.3, false, true)], 0.5)).toBeCloseTo(0.6, 5);
  });
});

describe('naive Bayes weights', () => {
  it('are centred over the classes for each term and favour the class a term came with', () => {
    const x = (idx: number[], val: number[]) => ({ idx: Int32Array.from(idx), val: Float32Array.from(val) });
    const w = naiveBayesWeights([x([0], [1]), x([1], [1]), x([0, 1], [0.6, 0.8])], [0, 1, 0], 2, 2);
    expect(w[0] + w[1]).toBeCloseTo(0, 5);
    expect(w[0 * 2 + 0]).toBeGreaterThan(w[0 * 2 + 1]);
    expect(w[1 * 2 + 1]).toBeGreaterThan(w[1 * 2 + 0]);
  });
});

describe('trainTuned', () => {
  const { model, tuned } = trainTuned(
    EXAMPLES.map((e) => e.text),
    EXAMPLES.map((e) => e.label),
  );
  it('labels known texts and keeps its settings and unknown threshold through storage', () => {
    const stored = deserializeModel(serializeModel(model));
    expect(stored.unknownBelow).toBeCloseTo(model.unknownBelow, 5);
    expect(stored.classify('三楼打印机卡纸了')).toBe('打印机');
    expect(stored.isUnknown(stored.scores(stored.vector('三楼打印机卡纸了')))).toBe(false);
    expect(['hinge', 'log', 'both']).toContain(tuned.model);
  });
  it('calls a text unlike every class "none of these"', () => {
    expect(Number.isFinite(model.unknownBelow)).toBe(true);
    expect(model.isUnknown(model.scores(model.vector('明天食堂的午饭菜单是什么')))).toBe(true);
  });
  it('never calls anything unknown without a threshold', () => {
    const plain = train(EXAMPLES.map((e) => e.text), EXAMPLES.map((e) => e.label));
    expect(plain.isUnknown(plain.scores(plain.vector('明天食堂的午饭菜单是什么')))).toBe(false);
  });
});

describe('settingsOf', () => {
  it('trains the model kind tuning chose, with its naive Bayes weight', () => {
    expect(settingsOf({ model: 'hinge', aggressiveness: 0.05, nb: 0.5 })).toEqual({ loss: 'hinge', ensemble: false, aggressiveness: 0.05, nb: 0.5 });
    expect(settingsOf({ model: 'both', aggressiveness: 0.2, nb: 0 })).toMatchObject({ loss: 'hinge', ensemble: true, aggressiveness: 0.2 });
    expect(settingsOf({ model: 'log', aggressiveness: 0, nb: 0.25 })).toMatchObject({ loss: 'log', decay: true, average: false, nb: 0.25 });
    expect(settingsOf({ model: 'both', aggressiveness: 0.2, nb: 0, dense: 3 })).toMatchObject({ ensemble: true, dense: 3 });
    for (const model of ['hinge', 'log', 'both'] as const) {
      const m = train(EXAMPLES.map((e) => e.text), EXAMPLES.map((e) => e.label), settingsOf({ model, aggressiveness: 0.2, nb: 0.25 }));
      expect(deserializeModel(serializeModel(m)).classify('三楼打印机卡纸了'), model).toBe('打印机');
    }
  });
});

describe('scoreUnknown', () => {
  it('scores the out-of-scope items caught and the in-scope ones labelled right', () => {
    const r = scoreUnknown(['oos', 'oos', '网络', '密码', '密码'], ['oos', '网络', 'oos', '密码', '网络'], 'oos');
    expect(r.oos_recall).toBe(0.5);
    expect(r.oos_precision).toBe(0.5);
    expect(r.in_scope_accuracy).toBeCloseTo(1 / 3, 5);
    expect(scoreUnknown(['网络'], ['网络'], 'oos')).toEqual({ oos_recall: 0, oos_precision: 0, in_scope_accuracy: 1 });
  });
});
