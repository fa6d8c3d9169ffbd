import { describe, expect, it } from 'vitest';
import { featureCounts, vectorize } from '../classify/features';
import { shareVocabularies } from '../classify/model';
import { deserializeModel } from '../classify/serialize';
import { trainTargets } from './train-targets';
import type { Example } from './split';

// A tenant's three models are trained over one vocabulary, so that after loading they share it and
// a new ticket is vectorised once for all of them.
const TEXTS: [string, string, string, string][] = [
  ['打印机卡纸，取不出来', '打印机', '桌面组', 'normal'],
  ['三楼打印机显示脱机', '打印机', '桌面组', 'high'],
  ['复印机复印出来全是黑条', '打印机', '桌面组', 'normal'],
  ['彩色打印机颜色偏红', '打印机', '桌面组', 'low'],
  ['VPN 连不上，无法远程办公', '网络', '网络组', 'high'],
  ['办公室 WiFi 经常断线', '网络', '网络组', 'normal'],
  ['交换机故障整层断网', '网络', '网络组', 'urgent'],
  ['网页打开非常慢', '网络', '网络组', 'low'],
  ['忘记邮箱密码无法登录', '账号', '桌面组', 'normal'],
  ['账号被锁定请解锁', '账号', '桌面组', 'high'],
  ['OA 提示密码错误', '账号', '桌面组', 'normal'],
  ['新员工需要开通账号', '账号', '桌面组', 'low'],
];

describe('trainTargets', () => {
  it('trains the targets over one vocabulary, shared again after loading, with the same predictions', () => {
    const examples = (k: 1 | 2 | 3, n = 2): Example[] =>
      Array.from({ length: n }, (_, r) => TEXTS.map(([text, ...labels], i) => ({ text: r ? `${text}，麻烦处理` : text, label: labels[k - 1], at: r * 100 + i }))).flat();
    // priority only from some of the tickets: its texts are a subset, the vocabulary is still the tenant's
    const out = trainTargets({ category: examples(1), team: examples(2), priority: examples(3).slice(0, 20) });
    const loaded = { category: deserializeModel(out.category!.model), team: deserializeModel(out.team!.model), priority: deserializeModel(out.priority!.model) };
    expect(loaded.team.vocab.terms).toEqual(loaded.category.vocab.terms);
    expect(loaded.priority.vocab.terms).toEqual(loaded.category.vocab.terms);
    expect(loaded.category.vocab).not.toBe(loaded.team.vocab);

    const shared = shareVocabularies(loaded);
    expect(shared.team!.vocab).toBe(shared.category!.vocab);
    expect(shared.priority!.vocab).toBe(shared.category!.vocab);
    const text = '会议室的打印机又卡纸了';
    const x = vectorize(featureCounts(text, shared.category!.features), shared.category!.vocab, shared.category!.features);
    for (const k of ['category', 'team', 'priority'] as const) expect(shared[k]!.rankVector(x, 3).label).toBe(loaded[k].predict(text).label);
    expect(shared.category!.rankVector(x, 3).label).toBe('打印机');
    expect(shared.team!.rankVector(x, 3).label).toBe('桌面组');
  });

  it('keeps models with different vocabularies apart', () => {
    const twice = [...TEXTS, ...TEXTS.map(([text, ...rest]) => [`${text}！`, ...rest] as const)];
    const a = trainTargets({ category: twice.map(([text, c], i) => ({ text, label: c, at: i })) });
    const b = trainTargets({ category: twice.slice(0, 20).map(([text, , t], i) => ({ text, label: t, at: i })) });
    const shared = shareVocabularies({ category: deserializeModel(a.category!.model), team: deserializeModel(b.category!.model) });
    expect(shared.team!.vocab).not.toBe(shared.category!.vocab);
  });
});
