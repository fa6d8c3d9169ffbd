import type { CustomerTier } from '../../customers';
import type { Priority } from '../../tickets';
import { suggestPriority } from './suggest-priority';

/** Earlier tickets of the requester count as the same problem again for this many days. */
export const REPEAT_CONTACT_DAYS = 30;

/**
 * The final priority of a new ticket, decided before it is written: the level its words set (what the
 * request or the channel gave, else what the text analysis filled in, else normal) raised for who the
 * customer is — tier and repeat contacts, by the rules of `suggestPriority`. Never lower than the words' level.
 */
export function decidePriority(words: Priority, facts: { tier: CustomerTier; repeatContacts: number }): Priority {
  return suggestPriority({ textPrediction: { value: words, confidence: 1 }, customerTier: facts.tier, repeatContacts: facts.repeatContacts }).value;
}
