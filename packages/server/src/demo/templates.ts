import { DESK_TEMPLATES } from './templates-desk';
import { ELEVATOR_TEMPLATES } from './templates-elevator';
import { ENGLISH_TEMPLATES } from './templates-english';
import { FEEDBACK_TEMPLATES } from './templates-feedback';
import { IT_TEMPLATES } from './templates-it';
import type { Template } from './templates-types';

// Ticket scripts: what a kind of request says, who usually asks, and how staff and customers answer.
// Placeholders in {braces} are filled per ticket (see ticket-content.ts); ticket-wording.ts then words
// each ticket as people write (greetings, typos, English words, vague titles).
// The scripts live by topic in templates-*.ts, their shape in templates-types.ts, shared answers in templates-phrases.ts.

export type { Requesters, Template, TicketCase } from './templates-types';

export const TEMPLATES: Template[] = [...IT_TEMPLATES, ...ELEVATOR_TEMPLATES, ...DESK_TEMPLATES, ...FEEDBACK_TEMPLATES, ...ENGLISH_TEMPLATES];
