import { describe, expect, it } from 'vitest';
import { FeedbackMemory } from './feedback-memory';

describe('feedback memory', () => {
  it('gives the corrected label to a ticket worded like the corrected one, per target', () => {
    const m = new FeedbackMemory();
    m.add('category', '投影设备', 't1', '会议室投影仪连上电脑后没有信号');
    expect(m.nearest('category', '二楼会议室投影仪连上电脑后没有信号')).toMatchObject({ value: '投影设备' });
    expect(m.nearest('team', '二楼会议室投影仪连上电脑后没有信号')).toBeNull();
    expect(m.nearest('category', '忘记邮箱密码，无法登录')).toBeNull();
  });
  it('keeps only the latest correction of a ticket, and the most similar wins', () => {
    const m = new FeedbackMemory();
    m.add('category', '网络', 't1', 'VPN 连不上 内网');
    m.add('category', '账号', 't1', 'VPN 连不上 内网');
    expect(m.size).toBe(1);
    m.add('category', '网络', 't2', 'VPN 连不上');
    expect(m.nearest('category', 'VPN 连不上 内网')).toMatchObject({ value: '账号', similarity: expect.closeTo(1, 5) });
  });
});
