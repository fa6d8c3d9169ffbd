import type { RequesterInput } from '../customers';
import type { Channel, Priority, Status } from './ticket-rules';

/** What a new ticket is made of, as a caller gives it (the console, the API, a channel's message). */
export interface CreateTicketInput {
  title: string;
  description: string;
  requester?: RequesterInput;
  priority?: Priority;
  status?: Extract<Status, 'new' | 'open' | 'pending' | 'on_hold'>;
  channel?: Channel;
  typeId?: string;
  categoryId?: string;
  teamId?: string;
  assigneeId?: string;
  parentId?: string;
  tags?: string[];
  customFields?: Record<string, unknown>;
  /** where the on-site work is */
  site?: { lat: number; lng: number; address?: string };
  /** the asset (设备) it is about: fills the site and organization left open */
  assetId?: string;
}
