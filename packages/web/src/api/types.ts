// Shapes of the public API's responses (see /api/openapi.json), as the console uses them.

export const STATUSES = ['new', 'open', 'pending', 'on_hold', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CHANNELS = ['web', 'email', 'phone', 'chat', 'api', 'portal', 'wechat', 'wecom', 'dingtalk', 'feishu', 'iot', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export const OPEN_STATUSES: Status[] = ['new', 'open', 'pending', 'on_hold'];

export interface Me {
  type: string;
  id: string;
  name: string;
  role: 'admin' | 'supervisor' | 'agent' | 'engineer' | 'customer';
  scope: string;
  teamIds: string[];
  contactId: string | null;
  tenantId: string;
}

export interface Ticket {
  id: string;
  number: number;
  title: string;
  description: string;
  status: Status;
  priority: Priority;
  channel: string;
  typeId: string | null;
  categoryId: string | null;
  teamId: string | null;
  teamName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  requesterId: string | null;
  requesterName: string | null;
  organizationId: string | null;
  parentId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  /** its id in the helpdesk it was imported from */
  externalId?: string | null;
  /** How it was resolved (解决说明); null until resolved, cleared on reopen. */
  resolution?: string | null;
  subtasks?: { total: number; done: number };
  watcherIds?: string[];
  /** keys of required custom fields without a value (a ticket from a channel or the portal); one ticket, staff only */
  missingFields?: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Actor {
  type: string;
  id: string | null;
  name: string;
}

export interface TicketEvent {
  id: string;
  kind: string;
  actor: Actor;
  channel: string;
  internal: boolean;
  data: Record<string, unknown>;
  createdAt: string;
}

export const ROLES = ['admin', 'supervisor', 'agent', 'engineer', 'customer'] as const;
export const SCOPES = ['own', 'team', 'all'] as const;

export interface User {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  role: Me['role'];
  scope: string;
  locale: string;
  active: boolean;
  teamIds: string[];
  contactId?: string | null;
  createdAt?: string;
}

export interface Team {
  id: string;
  name: string;
  description: string;
  skills: string[];
  memberIds: string[];
}

export interface Category {
  id: string;
  parentId: string | null;
  nameZh: string;
  nameEn: string;
  position: number;
  active: boolean;
  children?: Category[];
}

export const RESOLVE_REQUIREMENTS = ['resolution', 'category', 'assignee'] as const;
export type ResolveRequirement = (typeof RESOLVE_REQUIREMENTS)[number];

export interface TicketType {
  id: string;
  key: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  /** What resolving a ticket of this type needs (missing in answers of older servers: all). */
  resolveRequires?: ResolveRequirement[];
}

export type FieldKind = 'text' | 'number' | 'date' | 'select' | 'multiselect';
export interface CustomField {
  id: string;
  ticketTypeId: string | null;
  key: string;
  kind: FieldKind;
  labelZh: string;
  labelEn: string;
  required: boolean;
  options: { value: string; labelZh: string; labelEn: string }[];
  position: number;
}

export const TIERS = ['standard', 'vip', 'svip', 'key_account'] as const;
export type Tier = (typeof TIERS)[number];
export const IDENTITY_KINDS = ['email', 'phone', 'wechat', 'wecom', 'dingtalk', 'feishu', 'device', 'other'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export interface Organization {
  id: string;
  name: string;
  tier: string;
  domain?: string | null;
  notes?: string;
  contactCount?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface Identity {
  kind: string;
  value: string;
}

export interface Contact {
  id: string;
  name: string;
  organizationId: string | null;
  organization: Pick<Organization, 'id' | 'name' | 'tier'> | null;
  tier: string | null;
  effectiveTier: string;
  notes: string;
  identities: Identity[];
  createdAt?: string;
  updatedAt?: string;
}

/** A page of an offset-paged list (organizations, contacts). */
export interface OffsetPage<T> {
  items: T[];
  nextOffset: number | null;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: 'admin' | 'supervisor' | 'agent';
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to creating an API key: the listed shape plus the only time the key itself is shown. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

export interface TenantSettings {
  timeZone?: string;
  languages?: string[];
  defaultLanguage?: string;
  logoUrl?: string | null;
}

export interface Tenant {
  id: string;
  slug?: string;
  name: string;
  settings?: TenantSettings;
  createdAt?: string;
}

export interface Watcher {
  userId: string;
  name: string;
  email: string;
  role: string;
}

export interface TicketLink {
  id: string;
  number: number;
  title: string;
  status: Status;
  kind: 'duplicate_of' | 'duplicated_by' | 'caused_by' | 'caused' | 'related';
  direction: 'outgoing' | 'incoming';
}

export interface Subtask {
  id: string;
  number: number;
  title: string;
  status: Status;
  priority: string;
  assigneeName: string | null;
  teamName: string | null;
}

export interface Attachment {
  id: string;
  ticketId: string;
  commentId: string | null;
  filename: string;
  contentType: string;
  size: number;
  internal: boolean;
  createdAt: string;
}

export interface Notification {
  id: string;
  kind: string;
  ticketId: string | null;
  data: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage {
  items: Notification[];
  unread: number;
  nextBefore?: string | null;
}

/** The GET /tickets query parameters a view or the filter bar can set. */
export interface TicketFilters {
  q?: string;
  status?: Status[];
  priority?: Priority[];
  channel?: Channel[];
  tag?: string[];
  categoryId?: string;
  typeId?: string;
  /** team ids and/or 'none' */
  team?: string[];
  assignee?: string;
  requesterId?: string;
  organizationId?: string;
  createdFrom?: string;
  createdTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
}

export interface SavedView {
  id: string;
  name: string;
  filters: TicketFilters;
  columns: string[];
  sort: string;
  shared: boolean;
  ownerId?: string;
}

export interface ReplyTemplate {
  id: string;
  name: string;
  body: string;
  categoryId?: string | null;
  updatedAt?: string;
}

/** What an admin or supervisor writes: the body is the comment HTML subset (the server sanitises it). */
export interface ReplyTemplateInput {
  name: string;
  body: string;
  categoryId?: string | null;
}

export interface BulkChanges {
  status?: Status;
  priority?: Priority;
  categoryId?: string;
  teamId?: string;
  assigneeId?: string | null;
  addTags?: string[];
  transferReason?: string;
  /** the resolution note (解决说明) of every ticket resolved */
  resolution?: string;
}

export interface BulkResult {
  updated: string[];
  /** missing: a refused resolve's fields still needed (required_to_resolve) */
  failed: { id: string; error: { code: string; message: string; missing?: string[] } }[];
}
