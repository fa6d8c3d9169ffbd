import { describe, expect, it } from 'vitest';
import { analyzeText, type TenantIntelligence } from './analyze-text';
import { train } from './classify/model';
import { FeedbackMemory } from './feedback-memory';
import { DEFAULT_SETTINGS } from './intelligence-repository';

const NOW = new Date('2026-11-22T08:00:00Z');
const names = { category: new Map([['c-net', '网络'], ['c-print', '打印机']]), team: new Map([['t-desk', '桌面支持']]) };
const input = (title: string, text: string, given = {}) => ({ title, text, channel: 'web', given });

function cold(rules: unknown[] = []): TenantIntelligence {
  return { settings: { ...DEFAULT_SETTINGS, rules }, models: {}, names, memory: new FeedbackMemory() };
}

function trained(threshold = 0.5): TenantIntelligence {
  const net = ['VPN 连不上', 'WiFi 断线', '网络很慢', '交换机故障断网', '无线网络没有 IP', 'DNS 解析失败'];
  const print = ['打印机卡纸', '打印机脱机', '复印机有黑条', '墨盒没墨了', '打印任务排队', '共享打印机找不到'];
  const model = train([...net, ...print], [...net.map(() => 'c-net'), ...print.map(() => 'c-print')]);
  return { settings: { ...DEFAULT_SETTINGS, threshold }, models: { category: model }, names, memory: new FeedbackMemory() };
}

describe('analysing a new ticket', () => {
  it('uses the keyword rules while cold, with the keyword as the reason', () => {
    const a = analyzeText(cold([{ keywords: ['打印机'], categoryId: 'c-print', teamId: 't-desk' }]), input('三楼打印机不出纸', '一直提示缺纸'), NOW);
    expect(a.predictions.category).toMatchObject({ value: 'c-print', label: '打印机', source: 'rules', applied: true, reasons: [{ kind: 'keyword', words: ['打印机'] }] });
    expect(a.predictions.team).toMatchObject({ value: 't-desk', source: 'rules' });
    expect(a.triage).toBe(false);
  });
  it('ignores rules naming a category that is gone, and predicts nothing the request set itself', () => {
    const a = analyzeText(cold([{ keywords: ['打印机'], categoryId: 'c-deleted' }]), input('打印机坏了', ''), NOW);
    expect(a.predictions.category).toBeUndefined();
    const b = analyzeText(trained(), input('打印机卡纸', '', { category: 'c-net' }), NOW);
    expect(b.predictions.category).toBeUndefined();
  });
  it('applies a confident model prediction and sends an unsure one to triage', () => {
    const sure = analyzeText(trained(0.2), input('打印机卡纸了', '墨盒也没墨了'), NOW);
    expect(sure.predictions.category).toMatchObject({ value: 'c-print', source: 'model', applied: true });
    expect(sure.predictions.category!.reasons[0]).toMatchObject({ kind: 'words', words: expect.arrayContaining([expect.stringMatching(/打印机|卡纸|墨盒/)]) });
    const unsure = analyzeText(trained(0.999), input('请问找谁', '这个问题该找谁处理'), NOW);
    expect(unsure.predictions.category!.applied).toBe(false);
    expect(unsure.triage).toBe(true);
  });
  it('lets a correction win over the model for a similar ticket', () => {
    const ti = trained(0.2);
    ti.memory.add('category', 'c-net', 'x', '打印机连不上 WiFi 网络');
    expect(analyzeText(ti, input('打印机连不上', 'WiFi 网络'), NOW).predictions.category).toMatchObject({ value: 'c-net', reasons: [{ kind: 'corrected', words: [] }] });
  });
  it('flags an angry customer, raises the priority and finds the fields', () => {
    const a = analyzeText(cold(), input('又坏了', '订单号 DD20261122001 的打印机第三次坏了！！！再不处理我就打12315投诉，电话 13912345678'), NOW);
    expect(a.sentiment.angry).toBe(true);
    expect(['high', 'urgent']).toContain(a.predictions.priority!.value);
    expect(a.extracted.map((e) => e.kind)).toEqual(expect.arrayContaining(['order', 'mobile']));
  });

  it('never gives an unsure priority model certainty, nor the words of the level it did not set', () => {
    // a priority model that is unsure (below 0.5) of 紧急: the level stays the default and nothing is claimed
    const pri = ['服务器宕机全部业务中断', '机房断电所有系统停了', '核心交换机故障全公司断网', '请问发票怎么开', '密码忘了怎么重置', '想咨询一下年费'];
    const model = train(pri, ['urgent', 'urgent', 'urgent', 'low', 'low', 'normal']);
    const ti: TenantIntelligence = { settings: { ...DEFAULT_SETTINGS }, models: { priority: model }, temperatures: { priority: 0.5 }, names, memory: new FeedbackMemory() };
    const calm = analyzeText(ti, input('会议室投影仪', '投影仪有点暗'), NOW);
    expect(calm.predictions.priority).toBeUndefined();
    // a caller is "at least normal", which the default already is: nothing was decided either
    expect(analyzeText(ti, { ...input('会议室投影仪', '投影仪有点暗'), channel: 'phone' }, NOW).predictions.priority).toBeUndefined();
    expect(analyzeText(cold(), { ...input('会议室投影仪', '投影仪有点暗'), channel: 'phone' }, NOW).predictions.priority).toBeUndefined();
    // the same unsure model with an angry customer: the rules raise the level, certain by rule, for the mood's words only
    const angry = analyzeText(ti, input('投影仪', '已经第三次报修了，再不处理我们就要投诉了！！！'), NOW);
    expect(angry.predictions.priority).toMatchObject({ value: 'urgent', source: 'rules', confidence: 1, applied: true });
    expect(angry.predictions.priority!.reasons).toEqual([{ kind: 'angry_customer', words: ['第三次', '再不…就', '投诉'] }]);
  });

  it('gives reasons as whole words of the text: no dates, numbers, stop words or fragments', () => {
    const net = ['2026-02-20 会议室无线网络连不上', '今天订单号 DD2026001 的会议室 WiFi 断线', '还是会议室的无线网络很慢', '交换机故障 2026 001 断网', '无线网络没有 IP 地址', 'DNS 解析失败 02-26'];
    const print = ['打印机卡纸 2026-02-20', '今天打印机脱机了', '还是复印机有黑条', '墨盒没墨了 001', '打印任务排队 20 个', '共享打印机找不到'];
    const model = train([...net, ...print], [...net.map(() => 'c-net'), ...print.map(() => 'c-print')]);
    const ti: TenantIntelligence = { settings: { ...DEFAULT_SETTINGS, threshold: 0.2 }, models: { category: model }, names, memory: new FeedbackMemory() };
    const a = analyzeText(ti, input('故障 2026 001', '今天 20/02/26 订单号 001，还是会议室的无线网络连不上'), NOW);
    const [reason] = a.predictions.category!.reasons;
    expect(reason.kind).toBe('words');
    expect(reason.words.length).toBeGreaterThan(0);
    for (const w of reason.words) expect(w).not.toMatch(/\d|^今天|^还是|^的|今天订单号/);
  });
});
