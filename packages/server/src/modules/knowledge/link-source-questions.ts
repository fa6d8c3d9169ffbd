import type { Queryable } from '../../platform/db/database';
import { readTicket } from '../tickets';
import { linkRepository } from './link-repository';
import { linkQuestionText } from './search-index';

/** The tickets an article was drafted from are questions it answers: their text is linked to it for search. */
export async function linkSourceQuestions(q: Queryable, articleId: string, at: Date): Promise<void> {
  for (const l of await linkRepository.ticketsOf(q, articleId)) {
    const t = await readTicket(q, l.ticket_id);
    if (t) await linkQuestionText(q, articleId, `${t.title}\n${t.description}`.slice(0, 4000), at);
  }
}
