import type { Clock } from './clock';
import type { TransactionCoalescer } from './db/coalesced-transactions';
import type { Database } from './db/database';
import type { FileStore } from './files/file-store';

/** What use cases depend on: passed in, never imported, so tests can swap the clock or the files. */
export interface Deps {
  db: Database;
  /** Shared transactions for hot, independent writes of one tenant (ticket creation). */
  writes: TransactionCoalescer;
  clock: Clock;
  files: FileStore;
  limits: { attachmentMaxBytes: number; attachmentTypes: string[]; sessionTtlHours: number; importMaxBytes: number };
  cookieSecure: boolean;
  /** Bearer token of the platform operator API; empty disables it. */
  operatorToken: string;
  // feature modules add the ports they own (tickets: enrichTicket) by declaration merging, where they are defined
}
