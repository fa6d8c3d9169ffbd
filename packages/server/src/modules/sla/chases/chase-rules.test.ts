import { describe, expect, it } from 'vitest';
import { chaseWords, detectChase } from './chase-rules';

const msg = (text: string, o: Partial<Parameters<typeof detectChase>[0]> = {}) => detectChase({ text, channel: 'wechat', statusBefore: 'open', waitingMinutes: null, ...o });

describe('催单 detection', () => {
  it('recognises a customer asking again, in Chinese and English', () => {
    for (const t of ['怎么还没处理？都两天了', '打印机还没有修好，到底什么时候来人', '麻烦尽快处理，急用', '请帮忙催一下工程师', '等了好久了，有进展吗', 'Any update on this? Still waiting.'])
      expect([t, msg(t).chase]).toEqual([t, true]);
    expect(chaseWords('到底要等多久')).toEqual(expect.arrayContaining(['到底', '多久']));
  });
  it('an ordinary answer is not a chase; 不急 is not urgency; 急救箱 is not 急', () => {
    for (const t of ['好的，谢谢，我下午在公司', '型号是 HP LaserJet 1020，附上照片', '不急，你们方便的时候来就行', '急救箱的灯不亮了']) expect([t, msg(t).chase]).toEqual([t, false]);
  });
  it('the channel alone: a phone call about an open ticket, or a repeated unanswered message', () => {
    expect(msg('您好，我想问一下报修的事情', { channel: 'phone' })).toMatchObject({ chase: true, reasons: ['phone'] });
    expect(msg('您好？', { waitingMinutes: 45 })).toMatchObject({ chase: true, reasons: ['repeat'] });
    expect(msg('补充一张照片', { waitingMinutes: 5 }).chase).toBe(false);
  });
  it('a message on a resolved or closed ticket reopens it and is not a chase', () => {
    expect(msg('怎么还没修好？', { statusBefore: 'resolved' }).chase).toBe(false);
  });
  it('keeps a short one-line excerpt', () => {
    expect(msg(`催一下\n\n${'很'.repeat(300)}`).excerpt).toHaveLength(140);
  });
});
