export { detectSentiment, sentimentPriorityBoost, type SentimentLabel, type SentimentResult } from './detect-sentiment';
