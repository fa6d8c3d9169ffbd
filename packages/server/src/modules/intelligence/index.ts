// Ticket intelligence: what a new ticket is about (category, team, priority with confidence and the
// words that decided it), the customer's mood, fields found in the text, likely duplicates — learnt
// per tenant from its own tickets and from every correction agents make.
export { intelligenceRoutes } from './routes';
export { ticketEnricher, TRIAGE_TAG } from './enrich-ticket';
export { cacheFor } from './model-cache';
export { startIntelligence, INTELLIGENCE_CONSUMER } from './start-intelligence';
export { trainModels } from './train-models';
export { retrainSweep } from './retrain-sweep';
export { getModels } from './get-models';
export { evalClassify } from './classify/eval-classify';
export { CsvError } from './classify/csv';
export { evalPairs } from './similarity/eval-pairs';
export { evalRetrieve } from './similarity/eval-retrieve';
export { similarSolvedTickets } from './similar-solved';
export type { DuplicateView as SimilarTicketView } from './find-duplicates';
export { readKeyed, requireText } from './similarity/eval-input';
export { checkClassifyFiles } from './classify/check-labels';
export { evalClassifyBaseline } from './baseline/eval-classify-baseline';
export { evalRetrieveBaseline } from './baseline/eval-retrieve-baseline';
