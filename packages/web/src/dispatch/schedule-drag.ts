import type { DragEvent } from 'react';

// Dragging a ticket onto the 日程 board (HTML drag and drop): the ticket list and the board's own bars
// put the ticket's id on the drag under a type of our own, so a row takes only tickets, not stray text.

export const TICKET_DRAG_TYPE = 'application/x-gongdan-ticket';

/** onDragStart of anything that carries a ticket. */
export function startTicketDrag(e: DragEvent, ticketId: string) {
  e.dataTransfer.setData(TICKET_DRAG_TYPE, ticketId);
  e.dataTransfer.effectAllowed = 'move';
}

/** Whether the drag over a row carries a ticket (its id can be read only on the drop). */
export const carriesTicket = (e: DragEvent) => Array.from(e.dataTransfer.types).includes(TICKET_DRAG_TYPE);

/** The ticket id of a drop, or null. */
export const droppedTicket = (e: DragEvent): string | null => e.dataTransfer.getData(TICKET_DRAG_TYPE) || null;
