import type { TermGroup } from './lexicon-types';

// English lexicon, matched on whole words of the lower-cased text (multi-word phrases allowed,
// longest match first). Inflections are listed rather than stemmed: the list stays predictable.

export const EN_LEXICON: readonly TermGroup[] = [
  // Escalation threats.
  {
    kind: 'negative',
    weight: 2,
    anger: 1.5,
    terms: ['lawyer', 'lawyers', 'attorney', 'sue you', 'will sue', 'going to sue', 'suing', 'lawsuit', 'legal action', 'court', 'small claims', 'chargeback', 'better business bureau', 'bbb', 'consumer protection', 'regulator', 'ombudsman', 'social media', 'go public', 'report you', 'reporting you'],
  },
  // Anger.
  {
    kind: 'negative',
    weight: 2,
    anger: 1.5,
    terms: ['furious', 'outraged', 'livid', 'infuriating', 'infuriated', 'fuming', 'wtf', 'what the hell', 'what the fuck', 'scam', 'scammed', 'scammers', 'fraud', 'liars', 'liar', 'sick and tired', 'enough is enough', 'fed up'],
  },
  {
    kind: 'negative',
    weight: 1.8,
    anger: 1,
    terms: ['unacceptable', 'ridiculous', 'outrageous', 'absurd', 'disgusting', 'disgraceful', 'shameful', 'pathetic', 'incompetent', 'worst', 'angry', 'pissed', 'mad', 'sick of', 'rip-off', 'ripoff', 'rip off', 'cheated', 'lied', 'garbage', 'crap', 'shit', 'sucks', 'damn', 'are you kidding', 'you kidding me', 'is this a joke', 'how hard is it', 'how many times', 'are you serious'],
  },
  // Dissatisfaction.
  {
    kind: 'negative',
    weight: 1.5,
    anger: 0.5,
    terms: ['terrible', 'horrible', 'awful', 'disappointed', 'disappointing', 'disappointment', 'frustrated', 'frustrating', 'dissatisfied', 'unhappy', 'upset', 'annoyed', 'annoying', 'complaint', 'complain', 'complaining', 'useless', 'rude', 'unprofessional', 'waste of time', 'waste of money', 'took forever', 'nobody cares', 'no one cares', 'still not fixed', 'still not resolved', 'still broken', 'still not working', 'still waiting', 'still no response', 'still no reply', 'never fixed', 'never resolved', 'never got back', 'never received'],
  },
  {
    kind: 'negative',
    weight: 1.2,
    anger: 0.3,
    terms: ['bad', 'poor', 'nonsense', 'joke', 'ignored', 'ignoring', 'ignore me', 'no response', 'no reply', 'no answer', 'no update', 'no updates', 'unresolved', 'not fixed', 'not resolved', 'not been resolved', "haven't heard", 'not heard back', 'waste', 'money back', 'compensation', 'unreliable', 'slow response', 'too slow', 'so slow', 'forever', 'inconvenience'],
  },
  { kind: 'negative', weight: 0.7, anger: 0.2, terms: ['been waiting'] },
  // Mild (0.5 alone stays neutral): a slow network or a refund question is not yet a complaint.
  { kind: 'negative', weight: 0.5, anger: 0.1, terms: ['slow', 'nobody', 'no one', 'how long', 'when will', 'cancel', 'refund', 'refunded', 'return it'] },
  // Distress.
  { kind: 'negative', weight: 1.5, anger: 1.5, terms: ['desperate', 'devastated', 'panic', 'panicking', 'sos', 'trapped', 'help me please', 'please please'] },
  { kind: 'negative', weight: 1, anger: 0.6, terms: ['stressed', 'worried', 'help!', 'losing customers', 'losing money', 'lost money', 'serious problem'] },
  { kind: 'negative', weight: 0.3, anger: 0.3, terms: ['please help', 'help me', 'seriously'] },
  // Urgency.
  { kind: 'urgency', weight: 0.5, anger: 0.6, terms: ['urgent', 'urgently', 'emergency', 'asap', 'critical'] },
  { kind: 'urgency', weight: 0.3, anger: 0.4, terms: ['immediately', 'right now', 'right away', 'at once', 'now!'] },
  { kind: 'urgency', weight: 0.2, anger: 0.2, terms: ['as soon as possible', 'soon as possible', 'quickly'] },
  // Still waiting.
  { kind: 'waiting', weight: 0.4, anger: 0.3, terms: ['still not', 'still no', "still haven't", "still hasn't", "still can't", "still doesn't", "still don't", 'not yet', 'yet to'] },
  // Defects described neutrally.
  {
    kind: 'fault',
    weight: 0.3,
    terms: ['broken', 'not working', "doesn't work", 'does not work', 'stopped working', "won't start", "won't turn on", 'crash', 'crashed', 'crashes', 'crashing', 'outage', 'dead', 'stuck', 'frozen', 'freezes', 'down'],
  },
  { kind: 'fault', weight: 0.2, terms: ['error', 'errors', 'failed', 'fails', 'failure', 'bug', 'glitch', 'issue', 'problem'] },
  // Repeated contact or repeated failure.
  { kind: 'repeat', weight: 0.8, terms: ['again', 'once again', 'yet again', 'repeatedly', 'multiple times', 'several times', 'many times', 'over and over', 'every time', 'keeps', 'keep', 'third time', 'fourth time', 'fifth time', 'second time', 'countless times', 'numerous times'] },
  { kind: 'repeat', weight: 0.5, terms: ['still', 'always', 'constantly'] },
  // Good words.
  { kind: 'positive', weight: 1.5, terms: ['excellent', 'outstanding', 'love it', 'well done', 'good job', 'great job', 'kudos', 'five stars', '5 stars', 'highly recommend', 'very satisfied'] },
  {
    kind: 'positive',
    weight: 1.2,
    terms: ['satisfied', 'happy', 'pleased', 'helpful', 'appreciate', 'appreciated', 'grateful', 'love', 'glad', 'works now', 'working now', 'works great', 'is fixed', 'fixed now', 'all fixed', 'is resolved', 'resolved now', 'been resolved', 'problem solved', 'not bad', 'no problem', 'no problems', 'no issues', 'quick response', 'fast response', 'professional'],
  },
  { kind: 'positive', weight: 1, terms: ['like it', 'like this', 'like that', 'good', 'nice', 'thanks a lot', 'thank you so much', 'many thanks'] },
  { kind: 'positive', weight: 0.6, terms: ['thanks', 'thank you', 'thx', 'ty', 'cheers'] },
  // Praise that turns sarcastic when a repeated failure follows.
  { kind: 'praise', weight: 1.2, terms: ['great', 'perfect', 'wonderful', 'brilliant', 'fantastic', 'awesome', 'amazing', 'superb', 'just great', 'oh great'] },
  // Negators.
  {
    kind: 'negator',
    terms: ['not', 'no', 'never', "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "isn't", 'isnt', "wasn't", 'wasnt', "aren't", 'arent', "weren't", "won't", "can't", 'cant', 'cannot', "couldn't", "haven't", "hasn't", "hadn't", "shouldn't", "wouldn't", 'nothing', 'without', 'hardly', 'barely', 'neither', 'nor', 'not very', 'not at all', 'far from'],
  },
  { kind: 'imperative', terms: ['stop', 'do not', 'please do not', "please don't", "don't you"] },
  // Intensifiers.
  { kind: 'intensifier', weight: 1.6, terms: ['extremely', 'incredibly', 'absolutely', 'utterly', 'totally', 'completely', 'deeply', 'terribly', 'beyond'] },
  { kind: 'intensifier', weight: 1.3, terms: ['very', 'so', 'really', 'super', 'too', 'truly', 'highly', 'quite', 'such', 'such a', 'so much'] },
  // Contrast.
  { kind: 'contrast', terms: ['but', 'however', 'though', 'although', 'yet', 'nevertheless'] },
  // Phrases containing a lexicon word but meaning something neutral.
  {
    kind: 'blocker',
    terms: [
      'good morning', 'good afternoon', 'good evening', 'good day', 'good night', 'nice to meet', 'no worries', 'no need', 'no longer', 'not sure', 'not only',
      'down payment', 'shut down', 'shutdown', 'slow down', 'back down', 'scroll down', 'go down', 'mad max', 'dead line', 'deadline',
      'keep in mind', 'keep me posted', 'keep me updated', 'please keep', 'critical path', 'court yard', 'food court', 'emergency contact', 'emergency stop',
      'still life', 'but also', 'love to know', 'would love', 'would like', "i'd like", 'so that', 'so far', 'error code', 'error message',
    ],
  },
];
