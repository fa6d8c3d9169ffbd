import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { analyzeText, type TenantIntelligence } from '../src/modules/intelligence/analyze-text';
import { labelledTable, parseCsv } from '../src/modules/intelligence/classify/csv';
import { shareVocabularies } from '../src/modules/intelligence/classify/model';
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
// 10,003 texts (77 intents as categories; see below for teams and priorities). Texts: the BANKING77
// test set (English) and the demo's Chinese and English ticket scripts with their placeholders filled in.

export async function benchIntelligence(o: { data: string; runs: number }) {
  const table = labelledTable(parseCsv(readFileSync(`${o.data}/train.csv`, 'utf8')), ['text'], 'category', true);
  const t0 = performance.now();
  // Trained as the product trains: in a worker thread (its garbage never enters this heap), held-back
  // accuracy and a fitted temperature, the stored bytes read back. Two tenants: the worst case (77
  // classes for each of the three targets) and a large but usual one (77 categories; the intents
  // grouped into 12 teams; the 4 priorities).
  const intents = [...new Set(table.labels)].sort();
  const teamOf = new Map(intents.map((l, i) => [l, `team-${i % 12}`]));
  const priorityOf = new Map(intents.map((l, i) => [l, ['low', 'normal', 'high', 'urgent'][i % 4]]));
  const examples = (label: (intent: string) => string) => table.texts.map((text, i) => ({ text, label: label(table.labels[i]), at: i }));
  const trained = await runTraining({ category: examples((l) => l), team: examples((l) => teamOf.get(l)!), priority: examples((l) => priorityOf.get(l)!) });
  const [category, team, priority] = [trained.category!, trained.team!, trained.priority!].map((r) => ({ model: deserializeModel(r.model), temperature: r.temperature }));
  log(`trained the bench models in a worker in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const names = (m: { model: { labels: string[] } }) => new Map(m.model.labels.map((l) => [l, l]));
  const tenant = (models: typeof category[]): TenantIntelligence => ({
    settings: { ...DEFAULT_SETTINGS },
    models: shareVocabularies({ category: models[0].model, team: models[1].model, priority: models[2].model }), // as the model cache does
    temperatures: { category: models[0].temperature, team: models[1].temperature, priority: models[2].temperature },
    names: { category: names(models[0]), team: names(models[1]) },
    memory: new FeedbackMemory(),
  });
  const tenants = [
    { name: '77/77/77 classes', ti: tenant([category, category, category]) },
    { name: '77/12/4 classes', ti: tenant([category, team, priority]) },
  ];
  const fill = (s: string) => s.replace(/\{[^}]+\}/g, (m) => (m.includes('order') ? 'DD20261122001' : m.includes('phone') ? '13812345678' : m.includes('date') ? '昨天下午三点' : '张三'));
  const demo = TEMPLATES.flatMap((t) => t.cases.flatMap((c) => c.descriptions.map((d, i) => ({ title: fill(c.titles[i % c.titles.length]), text: fill(d), lang: t.lang }))));
  const en = labelledTable(parseCsv(readFileSync(`${o.data}/test.csv`, 'utf8')), ['text'], 'category', true).texts.map((text) => ({ title: text.slice(0, 30), text, lang: 'en' as const }));
  const fields = [
    { key: 'order_no', kind: 'text' as const, label_zh: '订单号', label_en: 'Order number', options: [] },
    { key: 'contact_phone', kind: 'text' as const, label_zh: '联系电话', label_en: 'Phone', options: [] },
    { key: 'fault_date', kind: 'date' as const, label_zh: '故障日期', label_en: 'Fault date', options: [] },
  ];
  const now = new Date('2026-11-22T08:00:00Z');
  for (const { name, ti } of tenants)
    for (const [set, items] of [['demo-tickets (zh + en)', demo], ['banking77-test', en]] as const) {
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
      console.log(JSON.stringify({ bench: 'intelligence', tenant: name, texts: set, tickets: ms.length, load_avg_1m: Math.round(loadavg()[0] * 10) / 10, p50_ms: q(0.5), p95_ms: q(0.95), p99_ms: q(0.99), max_ms: q(1) }));
    }
}
