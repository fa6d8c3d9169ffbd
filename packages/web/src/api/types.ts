// The public API's shapes as the console uses them: aliases of the types generated from the server's
// OpenAPI document (schema.d.ts, `npm run api:types`), plus the lists of enum values the console shows.
import { allOf, type Answer, type Body, type Item, type Query, type Schema } from './contract';

export type Ticket = Schema<'Ticket'>;
export type Status = Ticket['status'];
export type Priority = Ticket['priority'];
export const STATUSES = allOf<Status>()(['new', 'open', 'pending', 'on_hold', 'resolved', 'closed']);
export const PRIORITIES = allOf<Priority>()(['low', 'normal', 'high', 'urgent']);
/** The channels a ticket list can be filtered by. */
export type Channel = Item<NonNullable<Query<'/api/v1/tickets', 'get'>['channel']>>;
export const CHANNELS = allOf<Channel>()(['web', 'email', 'phone', 'chat', 'api', 'portal', 'wechat', 'wecom', 'dingtalk', 'feishu', 'iot', 'sms', 'preventive', 'telemetry']);
export const OPEN_STATUSES: Status[] = ['new', 'open', 'pending', 'on_hold'];

export type Me = Schema<'Me'>;
export type Role = Me['role'];
export type Scope = Me['scope'];
export const ROLES = allOf<Role>()(['admin', 'supervisor', 'agent', 'engineer', 'customer']);
export const SCOPES = allOf<Scope>()(['own', 'team', 'all']);

/** A page of a cursor-paged list (tickets, a ticket's events). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export type TicketPage = Answer<'/api/v1/tickets', 'get'>;

export type TicketEvent = Item<Answer<'/api/v1/tickets/{id}/events', 'get'>['items']>;
export type Actor = TicketEvent['actor'];

export type User = Schema<'User'>;
export type Team = Schema<'Team'>;
/** A category of the tree (GET /categories?tree=true): its children nested. */
export type Category = Schema<'CategoryNode'>;

export type TicketType = Schema<'TicketType'>;
export type ResolveRequirement = Item<TicketType['resolveRequires']>;
export const RESOLVE_REQUIREMENTS = allOf<ResolveRequirement>()(['resolution', 'category', 'assignee']);

export type CustomField = Schema<'CustomField'>;
export type FieldKind = CustomField['kind'];

export type Organization = Schema<'Organization'>;
export type Contact = Schema<'Contact'>;
export type Identity = Item<Contact['identities']>;
export type Tier = Organization['tier'];
export type IdentityKind = Identity['kind'];
export const TIERS = allOf<Tier>()(['standard', 'vip', 'svip', 'key_account']);
export const IDENTITY_KINDS = allOf<IdentityKind>()(['email', 'phone', 'wechat', 'wecom', 'dingtalk', 'feishu', 'device', 'other']);

/** A page of an offset-paged list (organizations, contacts). */
export interface OffsetPage<T> {
  items: T[];
  nextOffset: number | null;
}

export type ApiKey = Schema<'ApiKey'>;
/** The answer to creating an API key: the listed shape plus the only time the key itself is shown. */
export type CreatedApiKey = Schema<'CreatedApiKey'>;

export type Tenant = Schema<'Tenant'>;
export type TenantSettings = Tenant['settings'];
export type TenantChanges = Body<'/api/v1/tenant', 'patch'>;

export type Watcher = Item<Answer<'/api/v1/tickets/{id}/watchers', 'get'>['items']>;
export type TicketLink = Schema<'TicketLink'>;
export type TicketLinkKind = Body<'/api/v1/tickets/{id}/links', 'post'>['kind'];
export type Subtasks = Answer<'/api/v1/tickets/{id}/subtasks', 'get'>;
export type Subtask = Item<Subtasks['items']>;
export type Attachment = Schema<'Attachment'>;

export type Notification = Schema<'Notification'>;
export type NotificationPage = Answer<'/api/v1/notifications', 'get'>;

/** The GET /tickets query parameters a view or the filter bar can set. */
export type TicketFilters = Omit<Query<'/api/v1/tickets', 'get'>, 'sort' | 'cursor' | 'limit'>;
export type ListQuery = Query<'/api/v1/tickets', 'get'>;

export type ViewInput = Body<'/api/v1/views', 'post'>;
/** A saved view; its filters are those it was saved with (the server keeps what POST /views accepted). */
export type SavedView = Omit<Schema<'SavedView'>, 'filters'> & { filters: NonNullable<ViewInput['filters']> };

export type ReplyTemplate = Schema<'ReplyTemplate'>;
/** What an admin or supervisor writes: the body is the comment HTML subset (the server sanitises it). */
export type ReplyTemplateInput = Body<'/api/v1/reply-templates', 'post'>;

export type BulkChanges = Body<'/api/v1/tickets/bulk', 'post'>['changes'];
export type BulkResult = Answer<'/api/v1/tickets/bulk', 'post'>;
