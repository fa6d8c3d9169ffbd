import { describe, expect, it } from 'vitest';
import { detectSentiment } from './index';

const label = (text: string) => detectSentiment(text).label;

describe('English complaints', () => {
  it.each([
    ['This is unacceptable'],
    ['Absolutely ridiculous service'],
    ['Worst support I have ever had'],
    ['I am very disappointed with the service'],
    ['I want a refund, this product is terrible'],
    ['Still not fixed after a week'],
    ['I have been waiting for 3 days and nobody replied'],
    ["I don't like it"],
    ['Not happy at all'],
    ['The app is not good'],
    ["Don't ignore me"],
    ['Great, it crashed again.'],
    ['Perfect. Broken for the third time.'],
    ['Thanks, but the issue is still not resolved'],
    ['It keeps crashing, so frustrating'],
    ['This is a joke'],
  ])('%s', (text) => {
    expect(label(text)).toBe('negative');
  });
});

describe('angry or distressed English customers', () => {
  it.each([
    ['This is UNACCEPTABLE, third time I am calling!!!'],
    ['I am furious, this is a scam'],
    ['I will contact my lawyer'],
    ['Fix this NOW or I will file a chargeback'],
    ['This is the WORST SERVICE EVER'],
    ['Are you kidding me? Still broken!!'],
    ['How many times do I have to ask?!'],
    ['I am sick and tired of this'],
    ['The app keeps crashing, please fix ASAP'],
    ['Our production line is down, urgent!!!'],
    ['Help! We are losing customers, this is an emergency'],
    ['please help, the server is down and we are losing money!!'],
    ['I have called 5 times and nobody cares'],
  ])('%s', (text) => {
    const r = detectSentiment(text);
    expect(r.label).toBe('negative');
    expect(r.angry).toBe(true);
  });

  it('unacceptable is a cue, and so is the shouting', () => {
    expect(detectSentiment('This is UNACCEPTABLE, third time I am calling!!!').cues).toEqual(['unacceptable', 'UNACCEPTABLE', 'third time', '!!!']);
  });

  it('disappointment alone is not anger', () => {
    expect(detectSentiment('A bit disappointed with the delivery time').angry).toBe(false);
  });
});

describe('English neutral requests', () => {
  it.each([
    ['Please reset my password'],
    ['How do I export the monthly report?'],
    ['The printer cannot connect to the network'],
    ['Can you explain how this works?'],
    ['I would like it fixed by Friday if possible'],
    ['How do I cancel my subscription?'],
    ['Error code 0x80070005 when installing'],
    ['Good morning, I need a new VPN account'],
    ['Please send me the invoice as a PDF'],
    ['Not urgent, whenever you have time'],
    ['DEVICE OFFLINE ALARM E21'],
    ['Please update the emergency contact for Sue'],
    ['The trash can in room 3 is broken'],
    ['My empty cart shows an item'],
  ])('%s', (text) => {
    const r = detectSentiment(text);
    expect(r.label).toBe('neutral');
    expect(r.angry).toBe(false);
  });
});

describe('English praise', () => {
  it.each([
    ['Thanks!'],
    ['Thank you so much, very helpful'],
    ['Great job, the issue is resolved now'],
    ['Excellent support, five stars'],
    ['Not bad at all'],
    ['No problem, it works now'],
    ['Really appreciate the quick response'],
  ])('%s', (text) => {
    expect(label(text)).toBe('positive');
  });
});

describe('English words are whole words', () => {
  it('a lexicon word inside another word does not count', () => {
    expect(detectSentiment('The madness of March sales; download the update').cues).toEqual([]);
    expect(label('Sue from accounting asked for a badge')).toBe('neutral');
  });

  it('negation flips praise within a few words only', () => {
    expect(detectSentiment('not very helpful').cues).toEqual(['not very helpful']);
    expect(label('There is no way to change it. The new design is great')).toBe('positive');
  });

  it('an acronym in capitals is not shouting', () => {
    expect(label('The VPN and the NAS need an update')).toBe('neutral');
  });
});
