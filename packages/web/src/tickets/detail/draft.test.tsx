import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../api/types';
import { renderUi, stubFetch } from '../../test/render';
import { activeMentions, loadDraft, saveDraft, textToHtml } from './draft';
import { ReplyBox } from './reply-box';

const ticket = {
  id: '0190a0a0-0000-7000-8000-000000000042',
  number: 10042,
  title: '打印机无法连接网络',
  status: 'open',
  priority: 'high',
} as Ticket;

const textarea = () => screen.getByTestId('reply-text').querySelector('textarea') ?? (screen.getByTestId('reply-text') as HTMLTextAreaElement);

describe('reply drafts', () => {
  it('are kept per ticket and removed when empty', () => {
    saveDraft('a', { body: '您好，请重启路由器', internal: false, mentions: [], files: [] });
    saveDraft('b', { body: '已联系网络组', internal: true, mentions: [], files: [] });
    expect(loadDraft('a').body).toBe('您好，请重启路由器');
    expect(loadDraft('b').internal).toBe(true);
    saveDraft('a', { body: '  ', internal: false, mentions: [], files: [] });
    expect(localStorage.getItem('gongdan.draft.a')).toBeNull();
    expect(loadDraft('a').body).toBe('');
  });

  it('survive a reload: a new reply box shows what was typed', () => {
    const first = renderUi(<ReplyBox ticket={ticket} onSent={() => undefined} />);
    fireEvent.change(textarea(), { target: { value: '请提供打印机型号\n以及错误代码' } });
    first.unmount();
    renderUi(<ReplyBox ticket={ticket} onSent={() => undefined} />);
    expect(textarea().value).toBe('请提供打印机型号\n以及错误代码');
  });

  it('survive a failed request, with the error in plain words', async () => {
    stubFetch({ [`POST /api/v1/tickets/${ticket.id}/comments`]: () => ({ status: 503, body: { error: { code: 'INTERNAL', message: 'down' } } }) });
    renderUi(<ReplyBox ticket={ticket} onSent={() => undefined} />);
    fireEvent.change(textarea(), { target: { value: '已为您重置密码' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('reply-send'));
    });
    await waitFor(() => expect(screen.getByTestId('reply-error').textContent).toContain('服务器出错'));
    expect(textarea().value).toBe('已为您重置密码');
    expect(loadDraft(ticket.id).body).toBe('已为您重置密码');
  });

  it('are cleared once the server accepted the reply, and internal notes are sent as internal', async () => {
    const calls = stubFetch({ [`POST /api/v1/tickets/${ticket.id}/comments`]: () => ({ status: 201, body: { id: 'c1' } }) });
    let sent = 0;
    renderUi(<ReplyBox ticket={ticket} onSent={() => sent++} />);
    fireEvent.click(screen.getByText('内部备注'));
    fireEvent.change(textarea(), { target: { value: '客户是VIP，优先处理 <b>' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('reply-send'));
    });
    await waitFor(() => expect(sent).toBe(1));
    expect(calls[0].body).toEqual({ body: '<p>客户是VIP，优先处理 &lt;b&gt;</p>', internal: true, mentions: [], attachmentIds: [] });
    expect(localStorage.getItem(`gongdan.draft.${ticket.id}`)).toBeNull();
    expect(textarea().value).toBe('');
  });

  it('send only the mentions still written in the text, and text as safe HTML', () => {
    expect(activeMentions({ body: '@张三 请看一下', internal: true, mentions: [{ id: '1', name: '张三' }, { id: '2', name: '李四' }], files: [] })).toEqual([{ id: '1', name: '张三' }]);
    expect(textToHtml('第一段\n换行\n\n第二段')).toBe('<p>第一段<br>换行</p><p>第二段</p>');
  });
});
