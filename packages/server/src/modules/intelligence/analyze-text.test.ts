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
    expect(a.predictions.category).toMatchObject({ value: 'c-print', label: '打印机', source: 'rules', applied: true, explanation: ['打印机'] });
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
    expect(sure.predictions.category!.explanation.length).toBeGreaterThan(0);
    const unsure = analyzeText(trained(0.999), input('请问找谁', '这个问题该找谁处理'), NOW);
    expect(unsure.predictions.category!.applied).toBe(false);
    expect(unsure.triage).toBe(true);
  });
  it('lets a correction win over the model for a similar ticket', () => {
    const ti = trained(0.2);
    ti.memory.add('category', 'c-net', 'x', '打印机连不上 WiFi 网络');
    expect(analyzeText(ti, input('打印机连不上', 'WiFi 网络'), NOW).predictions.category).toMatchObject({ value: 'c-net', explanation: ['与已纠正的工单相似'] });
  });
  it('flags an angry customer, raises the priority and finds the fields', () => {
    const a = analyzeText(cold(), input('又坏了', '订单号 DD20261122001 的打印机第三次坏了！！！再不处理我就打12315投诉，电话 13912345678'), NOW);
    expect(a.sentiment.angry).toBe(true);
    expect(['high', 'urgent']).toContain(a.predictions.priority!.value);
    expect(a.extracted.map((e) => e.kind)).toEqual(expect.arrayContaining(['order', 'mobile']));
  });
});
