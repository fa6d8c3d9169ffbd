import { z } from 'zod';
import { DateParam, Uuid } from '../../platform/http/schemas';

export const TicketParams = z.strictObject({ id: z.string().max(40).describe('The ticket id or number') });
export const SuggestionParams = TicketParams.extend({ sid: Uuid.describe('The suggestion id the suggestions answer gave') });

export const UsedBody = z.strictObject({ mode: z.enum(['link', 'text']).describe('link: the article link went into the reply; text: its text (or the solved ticket’s answer)') });
export const RatedBody = z.strictObject({ helpful: z.boolean({ message: 'must be true or false' }) });

const Reaction = {
  used: z.boolean().describe('the agent inserted it into a reply'),
  helpful: z.boolean().nullable().describe('the agent’s rating: true helpful, false not, null not rated'),
};

export const SuggestionsSchema = z
  .object({
    ticketId: z.string(),
    query: z.string().describe('the text searched: title, latest customer messages, description'),
    articles: z.array(
      z.object({
        suggestionId: Uuid,
        articleId: Uuid,
        title: z.string(),
        titleHtml: z.string().describe('HTML-escaped, matches in <mark>'),
        snippet: z.string().describe('HTML-escaped, matches in <mark>'),
        text: z.string().describe('the article’s words to insert into a reply (plain text, cut at 2,000 characters)'),
        url: z.string().nullable().describe('the article’s path in the portal, for a reply; null for an internal article (customers cannot open it)'),
        score: z.number(),
        ...Reaction,
      }),
    ),
    solvedTickets: z.array(
      z.object({
        suggestionId: Uuid,
        ticketId: Uuid,
        number: z.number().int(),
        title: z.string(),
        score: z.number(),
        solution: z.string().nullable().describe('how it was solved: its resolution note, else the last staff reply'),
        solutionSource: z.enum(['resolution', 'reply']).nullable(),
        ...Reaction,
      }),
    ),
  })
  .meta({ id: 'TicketSuggestions' });

export const ReactionSchema = z
  .object({ suggestionId: Uuid, kind: z.enum(['used', 'rated']), recorded: z.boolean().describe('false: it was recorded before (once per suggestion)') })
  .meta({ id: 'SuggestionReaction' });

export const StatsQuery = z.strictObject({
  from: DateParam.optional().describe('start of the period (default: 30 days before `to`)'),
  to: DateParam.optional().describe('end of the period, exclusive (default: now)'),
});

const Rate = z.number().nullable().describe('a share from 0 to 1; null when there is nothing to divide');
export const KbStatsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    suggestions: z.object({
      shownTickets: z.number().int().describe('tickets shown suggestions in the period'),
      usedTickets: z.number().int().describe('of those, tickets where a shown suggestion was inserted into a reply'),
      hitRate: Rate.describe('usedTickets ÷ shownTickets'),
      shown: z.number().int().describe('suggested items shown'),
      used: z.number().int(),
      helpful: z.number().int(),
      notHelpful: z.number().int(),
      helpfulRate: Rate.describe('helpful ÷ rated'),
      byCategory: z.array(z.object({ categoryId: z.string().nullable(), shownTickets: z.number().int(), usedTickets: z.number().int(), hitRate: Rate })),
    }),
    portal: z.object({
      searches: z.number().int(),
      sessions: z.number().int().describe('portal sessions that searched or began a request in the period'),
      deflected: z.number().int(),
      submitted: z.number().int(),
      abandoned: z.number().int(),
      pending: z.number().int().describe('read an article less than 24 h ago and not submitted: not yet decided'),
      deflectionRate: Rate.describe('deflected ÷ (deflected + submitted + abandoned)'),
    }),
    articles: z.record(z.string(), z.number().int()).nullable().describe('knowledge articles by state (draft, in_review, published, retired); null when not available'),
  })
  .meta({ id: 'KbStats' });
