import type { Item, Schema } from './contract';

// 智能知识推荐: one ticket's suggestions (ticket page) and the knowledge measures (administration).

export type Suggestions = Schema<'TicketSuggestions'>;
export type ArticleSuggestion = Item<Suggestions['articles']>;
export type SolvedSuggestion = Item<Suggestions['solvedTickets']>;
export type SuggestionReaction = Schema<'SuggestionReaction'>;
export type KbStats = Schema<'KbStats'>;
