import { describe, expect, it } from 'vitest';
import { appendDense, docVector, learnDocVectors, trainDenseSoftmax } from './doc-vectors';
import { featureCounts } from './features';
import { DEFAULT_TRAIN, train } from './model';
import { deserializeModel, serializeModel } from './serialize';
import { trainTuned } from './tune';

// Dense document vectors from word vectors learnt on the training texts, a softmax over them added
// into the linear model, and the stored form of such a model.

const TOPICS: [string, string[]][] = [
  ['打印机', ['打印机卡纸', '打印机缺墨', '打印机脱机', '复印机卡纸', '打印出来全是黑条', '打印机没反应']],
  ['网络', ['网络断开无法上网', 'WiFi 经常断线', 'VPN 连不上', '网页打开很慢', '交换机故障断网', '内网访问不了']],
  ['密码', ['忘记密码', '密码错误登录不了', '账号被锁定', '重置邮箱密码', '密码过期', '修改登录密码']],
  ['发票', ['发票抬头开错', '开具增值税发票', '发票什么时候寄出', '补开发票', '电子发票下载', '发票金额不对']],
];
const EXAMPLES = TOPICS.flatMap(([label, texts]) => texts.flatMap((t) => [t, `${t}，麻烦尽快处理`, `请问${t}怎么办`, `${t}了，谢谢`].map((text) => ({ text, label }))));
const TEXTS = EXAMPLES.map((e) => e.text);
const LABELS = EXAMPLES.map((e) => e.label);
const PROBES = ['会议室打印机卡纸了', '我的密码忘了', '帮忙开一张发票', '办公室断网了', 'invoice'];

// A model stored by the format before word vectors (07f9ca5): four texts, two classes.
const OLD_MODEL =
  'R0RDMYkAAAB7ImxhYmVscyI6WyLlr4bnoIEiLCLmiZPljbDmnLoiXSwiZmVhdHVyZXMiOnsid29yZE5ncmFtcyI6MSwiY2prQ2hhciI6WzEsMV0sImxhdGluQ2hhciI6WzIsMl0sImNoYXJXZWlnaHQiOjF9LCJ0ZXJtcyI6MTksInRlcm1CeXRlcyI6MTM0fWM65Y2hCmM65Y2wCmM65aKoCmM65a+GCmM65b+YCmM65omTCmM65py6CmM656CBCmM657q4CmM657y6CmM6572uCmM66K6wCmM66YeNCnc65Y2h57q4Cnc65a+G56CBCnc65b+Y6K6wCnc65omT5Y2w5py6Cnc657y65aKoCnc66YeN572uAARJ9T+8YsE/BEn1P7xiwT8ESfU/vGLBP7xiwT+8YsE/BEn1PwRJ9T8ESfU/BEn1PwRJ9T8ESfU/vGLBPwRJ9T+8YsE/BEn1PwRJ9T+AurQ7gLq0u6WdFTulnRU7zjKuUss1WqY2yq5SrlJaps4yyzU7xTbKO8WzTX+BTbOCfq5SVKw=';

describe('document vectors', () => {
  const vectors = learnDocVectors(TEXTS, 16)!;

  it('learns the same vectors from the same texts, for words and Han characters', () => {
    const again = learnDocVectors(TEXTS, 16)!;
    expect(again.data).toEqual(vectors.data);
    expect(vectors.dimensions).toBe(16);
    expect(vectors.vector('打印机')).toBeDefined();
    expect(vectors.vector('#印')).toBeDefined();
    expect(learnDocVectors(['一'])).toBeUndefined();
  });

  it('gives a text a unit vector, zero when none of its words has one, and appends it after the terms', () => {
    const vocab = train(TEXTS, LABELS).vocab;
    const x = docVector(vectors, featureCounts('打印机卡纸了', DEFAULT_TRAIN.features), vocab);
    expect(Math.hypot(...x)).toBeCloseTo(1, 5);
    expect(Array.from(docVector(vectors, featureCounts('xyz', DEFAULT_TRAIN.features), vocab))).toEqual(new Array(16).fill(0));
    const sparse = { idx: Int32Array.from([3, 7]), val: Float32Array.from([0.25, 0.75]) };
    const both = appendDense(sparse, 100, Float32Array.from([0.5, -0.5]));
    expect(Array.from(both.idx)).toEqual([3, 7, 100, 101]);
    expect(Array.from(both.val)).toEqual([0.25, 0.75, 0.5, -0.5]);
  });

  it('trains a softmax over dense vectors alone that separates the classes', () => {
    const vocab = train(TEXTS, LABELS).vocab;
    const classes = [...new Set(LABELS)].sort();
    const xs = TEXTS.map((t) => docVector(vectors, featureCounts(t, DEFAULT_TRAIN.features), vocab));
    const ys = LABELS.map((l) => classes.indexOf(l));
    const m = trainDenseSoftmax(xs, ys, classes.length);
    expect(m.weights).toHaveLength(16 * classes.length);
    const right = xs.filter((x, n) => {
      const s = Array.from(m.bias, (b, c) => b + x.reduce((a, v, d) => a + v * m.weights[d * classes.length + c], 0));
      return s.indexOf(Math.max(...s)) === ys[n];
    }).length;
    expect(right / xs.length).toBeGreaterThan(0.8);
    expect(trainDenseSoftmax(xs, ys, classes.length).weights).toEqual(m.weights);
  });
});

describe('a model with a dense softmax added in', () => {
  const vectors = learnDocVectors(TEXTS, 16)!;
  const plain = train(TEXTS, LABELS);
  const model = train(TEXTS, LABELS, { docVectors: vectors, dense: 2 });

  it('holds a weight per dense dimension and class after the terms, and the same sparse weights as without', () => {
    const C = model.labels.length;
    expect(model.docVectors).toBe(vectors);
    expect(model.weights).toHaveLength((plain.vocab.terms.length + 16) * C);
    expect(model.weights.subarray(0, plain.weights.length)).toEqual(plain.weights);
    expect(model.vector('打印机卡纸').idx.at(-1)).toBe(plain.vocab.terms.length + 15);
    // without a dense weight, the vectors are not used
    expect(train(TEXTS, LABELS, { docVectors: vectors }).docVectors).toBeUndefined();
  });

  it('labels right and explains with words only', () => {
    expect(model.classify('会议室打印机卡纸了')).toBe('打印机');
    expect(model.classify('帮忙开一张发票')).toBe('发票');
    const p = model.predict('打印机卡纸', 50);
    expect(p.explanation.length).toBeGreaterThan(0);
    for (const e of p.explanation) expect(typeof e.feature).toBe('string');
  });

  it('round-trips through the stored form ("GDC2") and predicts the same', () => {
    const bytes = serializeModel(model);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('GDC2');
    const back = deserializeModel(bytes);
    expect(back.docVectors?.size).toBe(vectors.size);
    expect(back.weights).toHaveLength(model.weights.length);
    for (const t of PROBES) {
      expect(back.classify(t)).toBe(model.classify(t));
      const [a, b] = [model.scores(model.vector(t)), back.scores(back.vector(t))];
      for (let c = 0; c < a.length; c++) expect(b[c]).toBeCloseTo(a[c], 1);
    }
    // stored again, the same bytes
    expect(serializeModel(back)).toEqual(bytes);
  });

  it('stores a model without vectors as before ("GDC1"), and still reads a model stored by the older format', () => {
    expect(new TextDecoder().decode(serializeModel(plain).subarray(0, 4))).toBe('GDC1');
    const old = Uint8Array.from(Buffer.from(OLD_MODEL, 'base64'));
    const m = deserializeModel(old);
    expect(m.docVectors).toBeUndefined();
    expect(m.labels).toEqual(['密码', '打印机']);
    expect(m.weights).toHaveLength(m.vocab.terms.length * 2);
    expect(m.classify('打印机坏了')).toBe('打印机');
    expect(m.classify('密码忘了')).toBe('密码');
    // scores as the older code computed them (before quantisation: ±0.426, ±0.422)
    expect(m.scores(m.vector('打印机坏了'))[1]).toBeCloseTo(0.426, 2);
    expect(m.scores(m.vector('密码忘了'))[0]).toBeCloseTo(0.422, 2);
    expect(serializeModel(m)).toEqual(old);
  });

  it('is chosen or not on held-back texts, and a tuned model stores and reads back', () => {
    const { model: tuned, tuned: settings } = trainTuned(TEXTS, LABELS);
    expect([0, 1, 2, 3, 4]).toContain(settings.dense);
    expect(tuned.docVectors !== undefined).toBe(settings.dense > 0);
    const back = deserializeModel(serializeModel(tuned));
    for (const t of PROBES) expect(back.classify(t)).toBe(tuned.classify(t));
  });
});
