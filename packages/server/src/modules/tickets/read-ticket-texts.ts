import { ticketTextRepository as r } from './ticket-text-repository';

// Other modules' reads of tickets' texts and labels (see ticket-text-repository.ts for each).
export const labelledTickets = r.labelledTickets;
export const ticketCountsSince = r.ticketCountsSince;
export const openTicketsSharingWords = r.openTicketsSharingWords;
export const solvedTicketsSharingWords = r.solvedTicketsSharingWords;
export const creationEventData = r.creationEventData;
export const solvedTicketsSince = r.solvedTicketsSince;
