// Tickets: the ticket lifecycle, collaboration on it (replies, notes, watchers, links, sub-tasks,
// attachments) and its event log, which is also the outbox feed. Other modules use only this surface.
export { createTicket } from './create-ticket';
export type { CreateTicketInput } from './create-ticket';
export { updateTicket } from './update-ticket';
export type { UpdateTicketInput } from './update-ticket';
export { addComment } from './add-comment';
export { getTicket } from './get-ticket';
export { listTickets, countTickets } from './list-tickets';
export { linkTickets } from './link-tickets';
export { eventRepository } from './event-repository';
export { STATUSES, PRIORITIES, CHANNELS, LINK_KINDS } from './ticket-rules';
export type { Status, Priority, Channel, LinkKind } from './ticket-rules';
export { bulkUpdateTickets } from './bulk-update-tickets';
export { getEventsForFeed } from './get-events-for-feed';
export type { TicketFeedEvent } from './get-events-for-feed';
export type { EventView } from './event-view';
export { canSeeFeedEvent } from './visibility';
export { parseSort } from './list-tickets';
export { ListTicketsQuery } from './schemas';
export { recordCustomerMessage, attachInboundFiles } from './record-customer-message';
export type { StoredInboundFile, CustomerMessageInput } from './record-customer-message';
export { ticketRepository } from './ticket-repository';
export type { TicketRow } from './ticket-repository';
export { attachmentTypeProblem, cleanFilename, mediaTypeOf } from './attachment-rules';
export { checkReferences } from './check-references';
