import type { Deps } from '../platform/deps';
import type { Actor } from '../modules/identity';
import type { Catalog } from './demo-catalog';
import type { Customers } from './demo-customers';
import type { AlarmIntake } from './demo-alarms';
import type { People } from './demo-people';
import type { Random } from './random';
import type { Template } from './templates';
import type { Timeline } from './timeline';

// What the ticket simulation works with once the tenant, people, customers and catalog exist.

export interface DemoStats {
  subtasks: number;
  links: number;
  replies: number;
  notes: number;
  english: number;
}

export interface DemoWorld {
  deps: Deps;
  rng: Random;
  tenantId: string;
  /** End of the simulated period (ms). */
  end: number;
  people: People;
  customers: Customers;
  catalog: Catalog;
  /** The ERP integration's API key. */
  erp: Actor;
  admin: Actor;
  /** Elevator alarms through the IoT channel. */
  alarms: AlarmIntake;
  /** When each device last raised each alarm code (ms), so two alarms never fall into one incident. */
  lastAlarm: Map<string, number>;
  timeline: Timeline;
  /** Counted as the scheduled actions run. */
  stats: DemoStats;
}

/** A simulated ticket; id, number and requester are known once its creation has run. */
export interface TicketState {
  id?: string;
  number?: number;
  requesterId?: string;
  requesterName: string;
  template: Template;
  createdAt: number;
}
