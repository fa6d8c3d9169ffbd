import { describe, expect, it } from 'vitest';
import { normalize, words } from './features';
import { train } from './model';
import { isReasonWord, reasonWords } from './reason-words';

const f = (...features: string[]) => features.map((feature) => ({ feature }));
const textWords = (text: string) => words(normalize(text));

describe('the words shown as why a model chose a label', () => {
  it('are words a supervisor accepts: no digits, dates, stop words or single characters', () => {
    for (const w of ['20', '02', '2026', '001', 'dd20261122001', '今天', '还是', '订单号'.slice(0, 1), '的', 'please', 'the']) expect(isReasonWord(w), w).toBe(false);
    for (const w of ['无线网络', '会议室', '打印机', '卡纸', 'vpn', 'wifi']) expect(isReasonWord(w), w).toBe(true);
  });

  it('leave out the chips a supervisor saw: 20 / 02 / 26, 今天 / 订单号, 故障 / 2026 / 001, 还是 / 会议室, 的无线网络', () => {
    const text = '2026-02-20 今天订单号 001 故障，还是会议室的无线网络连不上';
    const shown = reasonWords(f('w:20', 'w:02', 'c:26', 'b:今天 订单号', 'b:故障 2026', 't:故障 2026 001', 'b:还是 会议室', 'b:的 无线网络', 'c:线网', 'c:的无', 'w:无线网络', 'w:会议室'), textWords(text));
    expect(shown).toEqual(['无线网络', '会议室']);
  });

  it('keep a pair of real words as one phrase, and a character gram only when it is a word of the text', () => {
    const text = '打印机卡纸，无法连接网络';
    expect(reasonWords(f('b:无法 连接', 'c:网络', 'c:印机', 'w:打印机'), textWords(text))).toEqual(['无法连接', '网络', '打印机']);
    expect(reasonWords(f('b:^ 打印机', 'w:打印机', 'p:卡纸|打印机'), textWords(text))).toEqual(['打印机', '卡纸']);
    expect(reasonWords(f('b:vpn connect', 'c: vp', 'w:~connect'), textWords('VPN connect failed'))).toEqual(['vpn connect']);
  });

  it('come out of a trained model on real tickets without dates, numbers or fragments', () => {
    const net = ['2026-02-20 会议室无线网络连不上', '今天订单号 DD2026001 的会议室 WiFi 断线', '还是会议室的无线网络很慢', '交换机故障 2026 001 断网', '无线网络没有 IP 地址', 'DNS 解析失败 02-26'];
    const print = ['打印机卡纸 2026-02-20', '今天打印机脱机了', '还是复印机有黑条', '墨盒没墨了 001', '打印任务排队 20 个', '共享打印机找不到'];
    const model = train([...net, ...print], [...net.map(() => 'net'), ...print.map(() => 'print')]);
    const text = '今天 2026-02-20 还是会议室的无线网络连不上，订单号 001';
    const p = model.predict(text, 24);
    expect(p.label).toBe('net');
    const shown = reasonWords(p.explanation, textWords(text));
    expect(shown.length).toBeGreaterThan(0);
    for (const w of shown) {
      expect(w).not.toMatch(/\d|今天|还是|^的/);
      expect(textWords(text).some((x) => w.includes(x) && x.length >= 2)).toBe(true);
    }
  });
});
