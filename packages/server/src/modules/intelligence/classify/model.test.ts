import { describe, expect, it } from 'vitest';
import { scoreLabels } from './eval-classify';
import { DECAYING_SOFTMAX, sumModels, train } from './model';
import { deserializeModel, serializeModel } from './serialize';

const DATA: [string, string][] = [
  ['打印机卡纸了，打不出来', '打印机'],
  ['三楼的打印机又卡纸', '打印机'],
  ['打印机缺墨，打印出来全是白纸', '打印机'],
  ['printer paper jam on floor 2', '打印机'],
  ['忘记密码了，怎么重置', '密码'],
  ['密码输错太多次账号被锁', '密码'],
  ['请帮我重置邮箱密码', '密码'],
  ['reset my password please', '密码'],
  ['发票抬头开错了，需要重开', '发票'],
  ['请开具增值税专用发票', '发票'],
  ['发票什么时候寄出', '发票'],
  ['need an invoice for my order', '发票'],
];

describe('text classifier', () => {
  const model = train(
    DATA.map((d) => d[0]),
    DATA.map((d) => d[1]),
  );

  it('labels unseen Chinese and English texts right', () => {
    expect(model.classify('会议室打印机卡纸了')).toBe('打印机');
    expect(model.classify('我的密码忘了，登录不了')).toBe('密码');
    expect(model.classify('帮忙开一张发票')).toBe('发票');
    expect(model.classify('ＰＡＳＳＷＯＲＤ reset')).toBe('密码');
  });

  it('gives a confidence, ranked scores and the features that decided', () => {
    const p = model.predict('打印机卡纸');
    expect(p.label).toBe('打印机');
    expect(p.confidence).toBeGreaterThan(1 / 3);
    expect(p.confidence).toBeLessThanOrEqual(1);
    expect(p.scores.map((s) => s.label)[0]).toBe('打印机');
    expect(p.scores).toHaveLength(3);
    expect(p.explanation.length).toBeGreaterThan(0);
    expect(p.explanation.map((e) => e.feature).join(' ')).toMatch(/打印|卡纸/);
  });

  it('labels right with the other training variants too', () => {
    for (const options of [{ loss: 'log' as const }, DECAYING_SOFTMAX, { ensemble: true }, { ensemble: true, nb: 1 }, { update: 'all' as const }, { supervised: 0.3, shrink: 0 }]) {
      const m = train(
        DATA.map((d) => d[0]),
        DATA.map((d) => d[1]),
        options,
      );
      expect(m.classify('会议室打印机卡纸了'), JSON.stringify(options)).toBe('打印机');
      expect(m.classify('帮忙开一张发票'), JSON.stringify(options)).toBe('发票');
    }
  });

  it('keeps the last weights or their average, and decays the softmax step', () => {
    const texts = DATA.map((d) => d[0]);
    const labels = DATA.map((d) => d[1]);
    const last = train(texts, labels, { ...DECAYING_SOFTMAX, epochs: 1 });
    const averaged = train(texts, labels, { ...DECAYING_SOFTMAX, epochs: 1, average: true });
    expect(averaged.weights).not.toEqual(last.weights);
    // with one epoch the decay has not started yet; with two, the second epoch's steps are halved
    expect(train(texts, labels, { ...DECAYING_SOFTMAX, epochs: 1, decay: false }).weights).toEqual(last.weights);
    expect(train(texts, labels, { ...DECAYING_SOFTMAX, epochs: 2, decay: false }).weights).not.toEqual(train(texts, labels, { ...DECAYING_SOFTMAX, epochs: 2 }).weights);
  });

  it('sums two models over one vocabulary, each at unit RMS', () => {
    const texts = DATA.map((d) => d[0]);
    const labels = DATA.map((d) => d[1]);
    const a = train(texts, labels);
    const b = train(texts, labels, { ...DECAYING_SOFTMAX, vocabulary: a.vocab });
    const sum = sumModels(a, b);
    const rms = (w: Float32Array) => Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    const x = a.vector('打印机卡纸');
    const [sa, sb, ss] = [a.scores(x), b.scores(x), sum.scores(x)];
    for (let c = 0; c < ss.length; c++) expect(ss[c]).toBeCloseTo(sa[c] / rms(a.weights) + sb[c] / rms(b.weights), 4);
  });

  it('is deterministic', () => {
    const again = train(
      DATA.map((d) => d[0]),
      DATA.map((d) => d[1]),
    );
    expect(again.weights).toEqual(model.weights);
  });

  it('round-trips through the compact binary form', () => {
    const bytes = serializeModel(model);
    expect(bytes.length).toBeLessThan(model.weights.length * 4 + new TextEncoder().encode(model.vocab.terms.join('\n')).length + 4 * model.vocab.terms.length);
    const back = deserializeModel(bytes);
    expect(back.labels).toEqual(model.labels);
    expect(back.vocab.terms).toEqual(model.vocab.terms);
    for (const t of ['会议室打印机卡纸了', '我的密码忘了', '帮忙开一张发票', 'invoice']) {
      expect(back.classify(t)).toBe(model.classify(t));
      expect(back.predict(t).confidence).toBeCloseTo(model.predict(t).confidence, 1);
    }
    expect(() => deserializeModel(new Uint8Array(16))).toThrow('Not a Gongdan classifier model');
  });

  it('scores accuracy and macro F1', () => {
    expect(scoreLabels(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b'])).toEqual({ accuracy: 0.75, macroF1: (2 / 3 + 0.8) / 2 });
  });
});
