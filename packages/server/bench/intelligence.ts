import { readFileSync } from 'node:fs';
import { analyzeText, type TenantIntelligence } from '../src/modules/intelligence/analyze-text';
import { labelledTable, parseCsv } from '../src/modules/intelligence/classify/csv';
import { deserializeModel } from '../src/modules/intelligence/classify/serialize';
import { runTraining } from '../src/modules/intelligence/training/run-training';
import { prefillCustomFields } from '../src/modules/intelligence/extract';
import { FeedbackMemory } from '../src/modules/intelligence/feedback-memory';
import { DEFAULT_SETTINGS } from '../src/modules/intelligence/intelligence-repository';
import { TEMPLATES } from '../src/demo/templates';
import { log } from './lib/server';

// What the intelligence stage adds to creating a ticket: the in-memory work the enricher does per new
// ticket (three predictions, sentiment, priority rules, field extraction and custom-field prefill),
// timed one ticket at a time. The models are as large as a big tenant's: trained on BANKING77's
// 10,003 texts and 77 classes, used for all three targets. Texts: the BANKING77 test set (English)
// and the demo's Chinese and English ticket scripts with their placeholders filled in.

export async function benchIntelligence(o: { data: string; runs: number }) {
  const table = labelledTable(parseCsv(readFileSync(`${o.data}/train.csv`, 'utf8')), ['text'], 'category', true);
  const t0 = performance.now();
  // trained as the product trains: in a worker thread (its garbage never enters this heap), held-back
  // accuracy and a fitted temperature, the stored bytes read back
  const examples = table.texts.map((text, i) => ({ text, label: table.labels[i], at: i }));
  const { category: trained } = await runTraining({ category: examples });
  const model = deserializeModel(trained!.model);
  log(`trained the bench model in a worker in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const names = new Map(model.labels.map((l) => [l, l]));
  const ti: TenantIntelligence = {
    settings: { ...DEFAULT_SETTINGS },
    models: { category: model, team: model, priority: model },
    temperatures: { category: trained!.temperature, team: trained!.temperature, priority: trained!.temperature },
    names: { category: names, team: names },
    memory: new FeedbackMemory(),
  };
  const fill = (s: string) => s.replace(/\{[^}]+\}/g, (m) => (m.includes('order') ? 'DD20261122001' : m.includes('phone') ? '13812345678' : m.includes('date') ? '昨天下午三点' : '张三'));
  const zh = TEMPLATES.flatMap((t) => t.descriptions.map((d, i) => ({ title: fill(t.titles[i % t.titles.length]), text: fill(d), lang: t.lang })));
  const en = labelledTable(parseCsv(readFileSync(`${o.data}/test.csv`, 'utf8')), ['text'], 'category', true).texts.map((text) => ({ title: text.slice(0, 30), text, lang: 'en' as const }));
  const fields = [
    { key: 'order_no', kind: 'text' as const, label_zh: '订单号', label_en: 'Order number', options: [] },
    { key: 'contact_phone', kind: 'text' as const, label_zh: '联系电话', label_en: 'Phone', options: [] },
    { key: 'fault_date', kind: 'date' as const, label_zh: '故障日期', label_en: 'Fault date', options: [] },
  ];
  const now = new Date('2026-11-22T08:00:00Z');
  for (const [set, items] of [['chinese-tickets', zh], ['banking77-test', en]] as const) {
    const runs = Math.max(o.runs, items.length);
    const ms: number[] = [];
    for (let i = 0; i < runs + 200; i++) {
      const it = items[i % items.length];
      const s = performance.now();
      const a = analyzeText(ti, { title: it.title, text: it.text, channel: 'web', given: {} }, now, { timeZone: 'Asia/Shanghai' });
      prefillCustomFields(a.extracted, fields);
      if (i >= 200) ms.push(performance.now() - s); // the first 200 warm the JIT
    }
    ms.sort((a, b) => a - b);
    const q = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] * 1000) / 1000;
    console.log(JSON.stringify({ bench: 'intelligence', texts: set, tickets: ms.length, classes: model.labels.length, targets: 3, p50_ms: q(0.5), p95_ms: q(0.95), p99_ms: q(0.99), max_ms: q(1) }));
  }
}
