import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelLog } from '../../api/intake-types';
import type { Ticket } from '../../api/types';
import { renderUi, stubFetch } from '../../test/render';
import { choose, optionLabels } from '../../test/select';
import { ChannelLogPanel, ChannelLogView } from './channel-log';
import { ReplyBox } from './reply-box';

const TICKET = '0190a0a0-0000-7000-8000-0000000000t1';
const CONTACT = '0190a0a0-0000-7000-8000-0000000000c1';
const log: ChannelLog = {
  inbound: [
    {
      id: '0190a0a0-0000-7000-8000-0000000000m1',
      channel: 'wecom',
      channelId: null,
      externalId: 'msg-1',
      receivedAt: '2026-11-22T08:00:00Z',
      contentType: 'application/xml',
      size: 512,
      meta: { fromUser: 'ZhangSan' },
      state: 'processed',
      attempts: 1,
      nextAttemptAt: null,
      error: null,
      outcome: 'created',
      ticketId: TICKET,
      ticketNumber: 7,
      commentId: null,
      processedAt: '2026-11-22T08:00:01Z',
    },
  ],
  outbound: [
    { id: 'o1', commentId: 'c1', channel: 'wecom', recipient: 'ZhangSan', state: 'sent', attempts: 1, externalId: 'x', error: null, createdAt: '2026-11-22T09:00:00Z', sentAt: '2026-11-22T09:00:02Z' },
    { id: 'o2', commentId: 'c2', channel: 'email', recipient: 'zhangsan@acme.cn', state: 'failed', attempts: 5, externalId: null, error: { code: 'RELAY_NOT_CONFIGURED', message: 'No SMTP relay for outgoing mail: set SMTP_RELAY_URL (or the mailbox setting relayUrl)' }, createdAt: '2026-11-22T10:00:00Z', sentAt: null },
    { id: 'o3', commentId: 'c3', channel: 'wecom', recipient: 'ZhangSan', state: 'pending', attempts: 0, externalId: null, error: null, createdAt: '2026-11-22T11:00:00Z', sentAt: null },
  ],
};

describe('channels on the ticket page', () => {
  it('lists the originals received and each reply with its delivery state', async () => {
    stubFetch({ [`GET /api/v1/tickets/${TICKET}/channel-log`]: () => ({ status: 200, body: log }) });
    renderUi(<ChannelLogPanel ticketId={TICKET} version={0} />);
    const inbound = await screen.findByTestId('channel-log-in');
    expect(inbound.textContent).toContain('企业微信');
    expect(inbound.textContent).toContain('ZhangSan');
    expect(within(inbound).getByTestId('channel-log-download').getAttribute('href')).toBe(`/api/v1/intake/messages/${log.inbound[0].id}/raw`);
    const out = screen.getAllByTestId('channel-log-out');
    expect(out.map((o) => within(o).getByTestId('delivery-state').textContent)).toEqual(['已发送', '发送失败', '待发送']);
    // the reason in words first; the code and the server's English only as secondary text
    const failure = within(out[1]).getByTestId('delivery-error');
    expect(within(failure).getByTestId('channel-error-text').textContent).toBe('未配置发信服务器（SMTP 中继），邮件无法发出，请管理员在渠道或系统设置中配置');
    expect(within(failure).getByTestId('channel-error-detail').textContent).toMatch(/^RELAY_NOT_CONFIGURED：No SMTP relay/);
    expect(within(out[0]).queryByTestId('delivery-error')).toBeNull();
  });

  it('sends a reply on the channel the agent picks: the ticket’s own by default, or portal only', async () => {
    const calls = stubFetch({
      [`POST /api/v1/tickets/${TICKET}/comments`]: () => ({ status: 201, body: { id: 'c9' } }),
      [`GET /api/v1/contacts/${CONTACT}`]: () => ({ status: 200, body: { id: CONTACT, name: '张三', identities: [{ kind: 'wecom', value: 'ZhangSan' }, { kind: 'email', value: 'zhangsan@acme.cn' }] } }),
    });
    const ticket = { id: TICKET, number: 1042, status: 'open', channel: 'wecom', requesterId: CONTACT } as Ticket;
    renderUi(<ReplyBox ticket={ticket} onSent={() => undefined} />);
    const picker = screen.getByTestId('reply-channel');
    expect(picker.textContent).toContain('企业微信（工单来源）');
    expect(screen.getByTestId('reply-channel-hint').textContent).toBe('将通过企业微信发给客户');
    await waitFor(() => expect(optionLabels('reply-channel')).toEqual(['企业微信（工单来源）', '邮件', '仅门户']));
    const box = () => {
      const el = screen.getByTestId('reply-text');
      return (el.tagName === 'TEXTAREA' ? el : el.querySelector('textarea')!) as HTMLTextAreaElement;
    };
    const send = async (text: string) => {
      fireEvent.change(box(), { target: { value: text } });
      await act(async () => void fireEvent.click(screen.getByTestId('reply-send')));
      await waitFor(() => expect(box().value).toBe(''));
    };
    await send('您好，已为您重置网络');
    await choose('reply-channel', '仅门户');
    await send('处理记录已同步到门户');
    await choose('reply-channel', '邮件');
    await send('附件为检测报告');
    expect(calls.filter((c) => c.method === 'POST').map((c) => (c.body as { channel: string }).channel)).toEqual(['wecom', 'portal', 'email']);
    // an internal note goes nowhere: no channel picker, no channel sent
    fireEvent.click(screen.getByText('内部备注'));
    await waitFor(() => expect(screen.queryByTestId('reply-channel')).toBeNull());
    await send('客户是 VIP，优先处理');
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).not.toHaveProperty('channel');
  });

  it('offers only what can carry a reply: 记录回电 on a phone ticket, nothing but 仅门户 on a device alarm, email only to a requester with an address', async () => {
    const calls = stubFetch({
      [`POST /api/v1/tickets/${TICKET}/comments`]: () => ({ status: 201, body: { id: 'c9' } }),
      [`GET /api/v1/contacts/${CONTACT}`]: () => ({ status: 200, body: { id: CONTACT, name: '刘洋', identities: [{ kind: 'phone', value: '13911112222' }] } }),
    });
    const phone = renderUi(<ReplyBox ticket={{ id: TICKET, number: 1043, status: 'open', channel: 'phone', requesterId: CONTACT } as Ticket} onSent={() => undefined} />);
    await waitFor(() => expect(calls.some((c) => c.url.endsWith(`/contacts/${CONTACT}`))).toBe(true));
    await waitFor(() => expect(optionLabels('reply-channel')).toEqual(['记录回电', '仅门户']));
    expect(screen.getByTestId('reply-channel').textContent).toContain('记录回电');
    expect(screen.getByTestId('reply-channel-hint').textContent).toBe('不会发给客户：请先给客户回电，再把通话内容记在这里');
    fireEvent.change(screen.getByTestId('reply-text').querySelector('textarea') ?? screen.getByTestId('reply-text'), { target: { value: '已回电，约好明天上门' } });
    await act(async () => void fireEvent.click(screen.getByTestId('reply-send')));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST').map((c) => (c.body as { channel: string }).channel)).toEqual(['phone']));
    phone.unmount();

    renderUi(<ReplyBox ticket={{ id: TICKET, number: 1044, status: 'new', channel: 'iot', requesterId: CONTACT } as Ticket} onSent={() => undefined} />);
    await waitFor(() => expect(calls.filter((c) => c.url.endsWith(`/contacts/${CONTACT}`))).toHaveLength(2));
    await waitFor(() => expect(optionLabels('reply-channel')).toEqual(['仅门户']));
    expect(screen.getByTestId('reply-channel-hint').textContent).toBe('不会另行发送：客户在自助门户中查看');
  });

  it('names a mail by its sender and subject, never by the network address it came from', () => {
    const mail = (meta: Record<string, unknown>) => ({ ...log.inbound[0], id: `m-${Object.keys(meta).length}`, channel: 'email', contentType: 'message/rfc822', meta });
    const envelope = { mailFrom: 'wangfang@example.cn', rcptTo: ['support@example.com'], remoteAddress: '127.0.0.1', lane: 'wangfang@example.cn' };
    renderUi(<ChannelLogView log={{ inbound: [mail({ from: '王芳 <wangfang@example.cn>', subject: '三楼打印机卡纸', ...envelope }), mail(envelope)], outbound: [] }} />);
    const [full, older] = screen.getAllByTestId('channel-log-in');
    expect(full.textContent).toContain('王芳 <wangfang@example.cn>');
    expect(full.textContent).toContain('三楼打印机卡纸');
    expect(older.textContent).toContain('wangfang@example.cn');
    for (const row of [full, older]) expect(row.textContent).not.toContain('127.0.0.1');
  });
});
