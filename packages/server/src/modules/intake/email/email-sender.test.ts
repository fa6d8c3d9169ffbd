import { describe, expect, it } from 'vitest';
import type { ChannelConfig } from '../intake-types';
import { fromOf, replyHeaders } from './email-sender';

const channel = (o: Partial<ChannelConfig>): ChannelConfig => ({ id: 'c', tenantId: 't', kind: 'email', name: '客服中心', enabled: true, address: null, settings: {}, secrets: {}, defaults: {}, ...o });

describe('reply threading and sender', () => {
  it('answers the newest customer mail and references the whole thread, ours included', () => {
    const h = replyHeaders({ commentId: '0195-c', ticketNumber: 42, ticketTitle: '打印机卡纸', threadKeys: ['email:first@qq.com', 'chat:x', 'email:gongdan.0195-a@example.cn', 'email:second@qq.com'] }, 'kefu@example.cn');
    expect(h).toEqual({
      messageId: 'gongdan.0195-c@example.cn',
      inReplyTo: 'second@qq.com',
      references: ['first@qq.com', 'gongdan.0195-a@example.cn', 'second@qq.com'],
      subject: 'Re: [#42] 打印机卡纸',
    });
    expect(replyHeaders({ commentId: 'x', ticketNumber: 1, ticketTitle: 't', threadKeys: [] }, 'a@b.cn').inReplyTo).toBeUndefined();
  });

  it("sends from the channel's from setting, else its own address, else MAIL_FROM; never from an @domain", () => {
    expect(fromOf(channel({ settings: { from: '"售后服务" <shouhou@example.cn>' }, address: 'kefu@example.cn' }), '')).toEqual({ name: '售后服务', address: 'shouhou@example.cn' });
    expect(fromOf(channel({ address: 'Kefu@Example.cn' }), '')).toEqual({ name: '客服中心', address: 'kefu@example.cn' });
    expect(fromOf(channel({ address: '@example.cn' }), '服务台 <help@example.cn>')).toEqual({ name: '服务台', address: 'help@example.cn' });
    expect(fromOf(channel({ address: '@example.cn' }), '')).toBeNull();
    expect(fromOf(null, 'help@example.cn')).toEqual({ name: '', address: 'help@example.cn' });
  });
});
