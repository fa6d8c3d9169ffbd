import { describe, expect, it } from 'vitest';
import { PRIORITY_OF_SEVERITY, SEVERITIES } from '../../intake';
import { detectSentiment } from '../sentiment';
import { suggestPriority, type PriorityInput } from './index';

const value = (input: PriorityInput) => suggestPriority(input).value;
const codes = (input: PriorityInput) => suggestPriority(input).reasons.map((r) => r.code);
const text = (v: 'low' | 'normal' | 'high' | 'urgent', confidence = 0.9) => ({ textPrediction: { value: v, confidence } });
const angry = detectSentiment('我要投诉');
const furious = detectSentiment('我要打12315投诉你们，再不处理我就找律师！！！');
const calm = detectSentiment('请帮忙重置一下密码');

describe('what the words say', () => {
  it('nothing known: normal', () => {
    expect(suggestPriority({})).toEqual({ value: 'normal', reasons: [{ code: 'default' }] });
  });

  it.each(['low', 'normal', 'high', 'urgent'] as const)('a confident text model sets %s', (v) => {
    expect(suggestPriority(text(v))).toEqual({ value: v, reasons: [{ code: 'text_model', value: v, confidence: 0.9 }] });
  });

  it('an unsure text model is ignored (cold-start tenant)', () => {
    expect(suggestPriority(text('urgent', 0.3))).toEqual({ value: 'normal', reasons: [{ code: 'default', confidence: 0.3 }] });
    expect(value(text('low', 0.49))).toBe('normal');
    expect(value(text('low', 0.5))).toBe('low');
    expect(value(text('high', Number.NaN))).toBe('normal');
  });

  it('keyword rule and text model: the higher wins, and only it is a reason', () => {
    expect(suggestPriority({ keywordPriority: 'urgent', ...text('normal') })).toEqual({ value: 'urgent', reasons: [{ code: 'keyword_rule', value: 'urgent' }] });
    expect(value({ keywordPriority: 'low', ...text('high') })).toBe('high');
    expect(codes({ keywordPriority: 'high', ...text('high') })).toEqual(['keyword_rule', 'text_model']);
    expect(value({ keywordPriority: 'high' })).toBe('high');
  });

  it('without a model the keyword rule still decides', () => {
    expect(value({ keywordPriority: 'low' })).toBe('low');
  });
});

describe('floors: alarms, VIPs, callers', () => {
  it.each([
    ['critical', 'urgent', 'critical_alarm'],
    ['major', 'high', 'major_alarm'],
    ['minor', 'normal', 'minor_alarm'],
  ] as const)('a %s alarm is at least %s', (alarmSeverity, v, code) => {
    const r = suggestPriority({ channel: 'iot', alarmSeverity, ...text('low') });
    expect(r.value).toBe(v);
    expect(r.reasons.map((x) => x.code)).toContain(code);
  });

  it('reads each alarm’s floor from the IoT intake’s one severity table', () => {
    for (const alarmSeverity of SEVERITIES) expect(value({ alarmSeverity, ...text('low') })).toBe(PRIORITY_OF_SEVERITY[alarmSeverity]);
  });

  it('a critical IoT alarm is urgent even on a cold-start tenant', () => {
    expect(value({ channel: 'iot', alarmSeverity: 'critical' })).toBe('urgent');
  });

  it('an IoT ticket without a severity is read as major, like the IoT intake', () => {
    const r = suggestPriority({ channel: 'iot' });
    expect(r.value).toBe('high');
    expect(r.reasons[1]).toMatchObject({ code: 'major_alarm' });
  });

  it('a minor alarm does not lower a high text', () => {
    expect(value({ alarmSeverity: 'minor', ...text('high') })).toBe('high');
  });

  it('a VIP is never low, but not raised either', () => {
    expect(value({ customerTier: 'vip', ...text('low') })).toBe('normal');
    expect(value({ customerTier: 'vip', ...text('normal') })).toBe('normal');
    expect(value({ customerTier: 'vip', ...text('high') })).toBe('high');
  });

  it('a phone call is never low', () => {
    expect(suggestPriority({ channel: 'phone', ...text('low') })).toMatchObject({ value: 'normal', reasons: [{ code: 'text_model' }, { code: 'phone_channel' }] });
    expect(value({ channel: 'email', ...text('low') })).toBe('low');
    expect(value({ channel: 'wechat', ...text('low') })).toBe('low');
  });
});

describe('raises: tier, mood, repeat contacts', () => {
  it.each(['svip', 'key_account'] as const)('%s raises one level', (customerTier) => {
    expect(value({ customerTier, ...text('normal') })).toBe('high');
    expect(value({ customerTier, ...text('low') })).toBe('normal');
    expect(codes({ customerTier })).toEqual(['default', 'vip_customer']);
  });

  it('a standard customer changes nothing', () => {
    expect(suggestPriority({ customerTier: 'standard', ...text('normal') }).reasons).toHaveLength(1);
  });

  it('an angry customer raises one level, a furious one two', () => {
    expect(sentimentBoosts()).toEqual([0, 1, 2]);
    expect(value({ sentiment: calm, ...text('normal') })).toBe('normal');
    expect(value({ sentiment: angry, ...text('normal') })).toBe('high');
    expect(value({ sentiment: furious, ...text('low') })).toBe('high');
    const r = suggestPriority({ sentiment: angry, ...text('normal') });
    expect(r.reasons[1]).toEqual({ code: 'angry_customer', count: 1, words: angry.cues.slice(0, 3) });
  });

  it('the third contact on the same problem raises one level', () => {
    expect(value({ repeatContacts: 1, ...text('normal') })).toBe('normal');
    expect(value({ repeatContacts: 2, ...text('normal') })).toBe('high');
    expect(value({ repeatContacts: 6, ...text('normal') })).toBe('high');
    expect(suggestPriority({ repeatContacts: 2 }).reasons[1]).toEqual({ code: 'repeat_contact', count: 2 });
    expect(value({ repeatContacts: Number.NaN })).toBe('normal');
  });

  it('soft raises add up to two levels at most', () => {
    const r = suggestPriority({ customerTier: 'svip', sentiment: furious, repeatContacts: 3, ...text('low') });
    expect(r.value).toBe('high');
    expect(r.reasons.map((x) => x.code)).toEqual(['text_model', 'vip_customer', 'angry_customer', 'repeat_contact', 'raise_capped']);
    expect(r.reasons.at(-1)).toEqual({ code: 'raise_capped', count: 2 });
  });

  it('capped at urgent', () => {
    expect(value({ customerTier: 'key_account', sentiment: furious, ...text('urgent') })).toBe('urgent');
    expect(value({ customerTier: 'svip', alarmSeverity: 'critical' })).toBe('urgent');
  });
});

describe('combinations', () => {
  it.each<[string, PriorityInput, string]>([
    ['major alarm at a key account → urgent', { channel: 'iot', alarmSeverity: 'major', customerTier: 'key_account' }, 'urgent'],
    ['minor alarm, third report → high', { channel: 'iot', alarmSeverity: 'minor', repeatContacts: 2 }, 'high'],
    ['VIP low question, angry → high', { customerTier: 'vip', sentiment: angry, ...text('low') }, 'high'],
    ['caller, angry, cold start → high', { channel: 'phone', sentiment: angry }, 'high'],
    ['email, calm, low → low', { channel: 'email', sentiment: calm, ...text('low', 0.8) }, 'low'],
    ['wechat, unsure model, third contact → high', { channel: 'wechat', repeatContacts: 2, ...text('low', 0.2) }, 'high'],
    ['keyword high, standard customer → high', { keywordPriority: 'high', customerTier: 'standard' }, 'high'],
    ['text urgent, calm VIP → urgent', { customerTier: 'vip', sentiment: calm, ...text('urgent') }, 'urgent'],
  ])('%s', (_, input, expected) => {
    expect(value(input)).toBe(expected);
  });

  it('never lowers an explicit high or urgent from the text', () => {
    const quiet: PriorityInput[] = [{}, { customerTier: 'standard' }, { channel: 'email' }, { alarmSeverity: 'minor' }, { sentiment: calm }, { repeatContacts: 0 }, { customerTier: 'vip' }];
    for (const extra of quiet) {
      expect(value({ ...extra, ...text('high') })).toBe('high');
      expect(value({ ...extra, ...text('urgent') })).toBe('urgent');
      expect(value({ ...extra, keywordPriority: 'urgent', ...text('low') })).toBe('urgent');
    }
  });

  it('reasons are data the console words, never a sentence in English', () => {
    const all = [
      suggestPriority({}),
      suggestPriority(text('urgent', 0.36)),
      suggestPriority({ keywordPriority: 'high', ...text('high'), channel: 'phone', customerTier: 'svip', sentiment: furious, repeatContacts: 4 }),
      suggestPriority({ channel: 'iot' }),
      suggestPriority({ customerTier: 'vip' }),
    ].flatMap((r) => r.reasons);
    for (const r of all) {
      expect(r).not.toHaveProperty('detail');
      for (const w of r.words ?? []) expect(w).not.toMatch(/[a-z]{3,}/i);
    }
    expect(suggestPriority({ sentiment: furious }).reasons[1]).toMatchObject({ code: 'angry_customer', count: 2, words: furious.cues.slice(0, 3) });
  });

  it('every reason code is stable and documented', () => {
    const all = new Set(
      [
        suggestPriority({}),
        suggestPriority({ keywordPriority: 'high', ...text('high'), channel: 'phone', customerTier: 'svip', sentiment: furious, repeatContacts: 4 }),
        suggestPriority({ alarmSeverity: 'critical', customerTier: 'vip' }),
        suggestPriority({ alarmSeverity: 'major' }),
        suggestPriority({ alarmSeverity: 'minor' }),
      ].flatMap((r) => r.reasons.map((x) => x.code)),
    );
    expect([...all].sort()).toEqual(
      ['angry_customer', 'critical_alarm', 'default', 'keyword_rule', 'major_alarm', 'minor_alarm', 'phone_channel', 'raise_capped', 'repeat_contact', 'text_model', 'vip_customer'].sort(),
    );
  });
});

function sentimentBoosts(): number[] {
  return [calm, angry, furious].map((s) => {
    const r = suggestPriority({ sentiment: s, ...text('low') });
    return ['low', 'normal', 'high', 'urgent'].indexOf(r.value);
  });
}
