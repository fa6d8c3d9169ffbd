import type { Database } from '../../platform/db/database';
import { shareVocabularies, type TextClassifier } from './classify/model';
import { deserializeModel } from './classify/serialize';
import { FeedbackMemory } from './feedback-memory';
import { intelligenceRepository, type Target } from './intelligence-repository';
import { labelNames } from './label-names';
import type { TenantIntelligence } from './analyze-text';

// Each process keeps every tenant's models in memory so that a new ticket is classified without the
// database. A cache is checked against the database at most every CHECK_MS (in the background, the
// ticket does not wait), so a model trained or a correction made by another process arrives within
// seconds; this process's own changes are applied at once.

const CHECK_MS = 3_000;
const MEMORY_LOAD = 2_000;

interface Entry {
  ti: TenantIntelligence;
  version: string;
  feedbackId: string;
  checkedAt: number;
  checking?: Promise<void>;
}

export class ModelCache {
  private readonly tenants = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Entry>>();

  constructor(private readonly db: Database) {}

  /** The tenant's intelligence; the first call loads it, later calls answer from memory. */
  async get(tenantId: string): Promise<TenantIntelligence> {
    const e = this.tenants.get(tenantId);
    if (!e) return (await this.load(tenantId)).ti;
    if (Date.now() - e.checkedAt > CHECK_MS && !e.checking) e.checking = this.check(tenantId, e).finally(() => (e.checking = undefined));
    return e.ti;
  }

  /** Reloads now (after this process trained or changed settings). */
  async reload(tenantId: string): Promise<TenantIntelligence> {
    this.tenants.delete(tenantId);
    return (await this.load(tenantId)).ti;
  }

  /** A correction made in this process counts for the next ticket at once. */
  remember(tenantId: string, target: Target, value: string, ticketId: string, text: string): void {
    this.tenants.get(tenantId)?.ti.memory.add(target, value, ticketId, text);
  }

  private load(tenantId: string): Promise<Entry> {
    let p = this.loading.get(tenantId);
    if (!p) {
      p = this.read(tenantId).finally(() => this.loading.delete(tenantId));
      this.loading.set(tenantId, p);
    }
    return p;
  }

  private async read(tenantId: string): Promise<Entry> {
    const entry = await this.db.tenant(tenantId, async (q) => {
      const versions = await intelligenceRepository.versions(q);
      const settings = await intelligenceRepository.settings(q);
      const rows = await intelligenceRepository.models(q, true);
      const active = await labelNames(q);
      const models: Partial<Record<Target, TextClassifier>> = {};
      const temperatures: Partial<Record<Target, number>> = {};
      for (const r of rows) {
        models[r.target] = deserializeModel(r.model);
        temperatures[r.target] = r.temperature;
      }
      // corrections not yet part of a model's training data
      const upto = rows.length ? rows.reduce((m, r) => (BigInt(r.feedback_upto) < BigInt(m) ? r.feedback_upto : m), rows[0].feedback_upto) : '0';
      const memory = new FeedbackMemory();
      for (const f of await intelligenceRepository.feedbackAfter(q, upto, MEMORY_LOAD)) memory.add(f.target, f.value, f.ticket_id, f.text);
      const ti: TenantIntelligence = { settings, models: shareVocabularies(models), temperatures, names: { category: active.categories, team: active.teams }, memory };
      return { ti, version: `${versions.models}|${versions.settings}`, feedbackId: versions.feedback, checkedAt: Date.now() };
    });
    this.tenants.set(tenantId, entry);
    return entry;
  }

  private async check(tenantId: string, e: Entry): Promise<void> {
    try {
      const v = await this.db.tenant(tenantId, (q) => intelligenceRepository.versions(q));
      if (`${v.models}|${v.settings}` !== e.version) {
        await this.read(tenantId);
        return;
      }
      if (v.feedback !== e.feedbackId) {
        const rows = await this.db.tenant(tenantId, (q) => intelligenceRepository.feedbackAfter(q, e.feedbackId, MEMORY_LOAD));
        for (const f of rows) e.ti.memory.add(f.target, f.value, f.ticket_id, f.text);
        e.feedbackId = v.feedback;
      }
      e.checkedAt = Date.now();
    } catch {
      e.checkedAt = Date.now(); // try again after the next interval
    }
  }
}

const caches = new WeakMap<Database, ModelCache>();

/** The process's cache for a database (the enricher, the routes and the consumers share it). */
export function cacheFor(db: Database): ModelCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new ModelCache(db)));
  return c;
}
