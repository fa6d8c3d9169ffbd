// The shape of a ticket script (see templates.ts): what a kind of request says and how it is answered.
import type { Channel, Priority } from '../modules/tickets';
import type { CategoryKey, OrgKey, TeamKey, TypeKey } from './data';

export type Requesters = OrgKey[] | 'consumer' | 'english' | 'device' | 'any';

export interface TicketCase {
  titles: string[];
  descriptions: string[];
}

export interface Template {
  key: string;
  lang: 'zh' | 'en';
  weight: number;
  type: TypeKey;
  category: CategoryKey;
  team: TeamKey;
  /** Field service: an engineer of the team takes it. */
  field?: boolean;
  priority: Partial<Record<Priority, number>>;
  channels: Partial<Record<Channel, number>>;
  requesters: Requesters;
  /** The problems of this kind: any title of a case goes with any description of the same case. */
  cases: TicketCase[];
  /** What the device itself reports when the ticket comes from an IoT alarm. */
  alarms?: { code: string; message: string; severity: 'critical' | 'major' | 'minor' }[];
  tags: string[];
  /** Custom fields, by key; values are chosen per ticket. */
  fields?: { device_model?: string[]; fault_date?: boolean; onsite?: 'yes' | 'no' | 'either'; order_no?: boolean; severity?: boolean; compensation?: boolean; callback_time?: boolean };
  replies: string[];
  askInfo: string[];
  customerReplies: string[];
  notes: string[];
  holdNotes: string[];
  resolutions: string[];
  subtasks?: string[];
}
