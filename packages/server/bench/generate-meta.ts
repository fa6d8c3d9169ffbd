// The description of a generated data set (bench-meta.json) that the other benches read, and where it is written.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchMeta {
  db: 'pglite' | 'postgres';
  tickets: number;
  tenantId: string;
  admin: { email: string; password: string };
  teamIds: string[];
  agentIds: string[];
  rootCategoryIds: string[];
  tags: string[];
  commonWord: string;
  rareWord: string;
  heavyTicketId: string;
  heavyTicketEvents: number;
  /** Some of the newest tickets (what an agent opens next): their insights are measured. */
  recentTicketIds?: string[];
  heavyRequesterId: string;
  typicalRequesterId: string;
  createdRange: { from: string; to: string };
  firstNumber: number;
  lastNumber: number;
}

export const metaPath = (o: { db: 'pglite' | 'postgres'; dataDir: string; dbName: string }) =>
  o.db === 'pglite' ? join(o.dataDir, 'bench-meta.json') : join(tmpdir(), `gongdan-bench-meta-${o.dbName}.json`);
