export {
  MAX_SOFT_RAISE,
  MIN_TEXT_CONFIDENCE,
  REPEAT_CONTACTS_RAISE_AT,
  suggestPriority,
  type PriorityInput,
  type PriorityReason,
  type PriorityReasonCode,
  type PrioritySuggestion,
} from './suggest-priority';
export { decidePriority, REPEAT_CONTACT_DAYS } from './decide-priority';
