import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Suggestions } from '../../api/assist-types';
import { renderUi, stubFetch } from '../../test/render';
import { SuggestionsPanel } from './suggestions-panel';

const ID = '0190a0a0-0000-7000-8000-0000000000a1';
const ART = '0190a0a0-0000-7000-8000-0000000000b1';
const SOLVED = '0190a0a0-0000-7000-8000-0000000000a2';
const S1 = '0190a0a0-0000-7000-8000-0000000000d1';
const S2 = '0190a0a0-0000-7000-8000-0000000000d2';

const answer = (n: number): Suggestions => ({
  ticketId: ID,
  query: '登录不了系统 密码错误',
  articles: [
    {
      suggestionId: `${S1.slice(0, -1)}${n}`,
      articleId: ART,
      title: '忘记密码怎么重置',
      titleHtml: '<mark>忘记密码</mark>怎么重置',
      snippet: '在登录页点击<mark>忘记密码</mark>，输入手机号获取验证码',
      text: '在登录页点击忘记密码，输入手机号获取验证码',
      url: '/portal/acme/articles/' + ART,
      score: 3.2,
      used: false,
      helpful: null,
    },
  ],
  solvedTickets: [
    { suggestionId: S2, ticketId: SOLVED, number: 1001, title: '登录时提示密码错误', score: 0.72, solution: '在后台为该员工重置密码后恢复正常登录', solutionSource: 'resolution', used: false, helpful: null },
  ],
});

/** The panel as the ticket page holds it: a reply box (here a text) and the conversation's newest message. */
function Page() {
  const [reply, setReply] = useState('');
  const [last, setLast] = useState('m1');
  return (
    <MemoryRouter>
      <pre data-testid="reply">{reply}</pre>
      <button data-testid="new-message" onClick={() => setLast('m2')} />
      <SuggestionsPanel ticketId={ID} conversation={last} onInsert={(text) => setReply((r) => (r ? `${r}\n${text}` : text))} />
    </MemoryRouter>
  );
}

describe('知识推荐 on the ticket page', () => {
  it('shows articles and solved tickets, inserts into the reply and records use and rating', async () => {
    let reads = 0;
    const calls = stubFetch({
      [`GET /api/v1/tickets/${ID}/suggestions`]: () => ({ status: 200, body: answer(++reads) }),
      [`POST /api/v1/tickets/${ID}/suggestions/${S1.slice(0, -1)}1/used`]: () => ({ status: 200, body: { suggestionId: S1, kind: 'used', recorded: true } }),
      [`POST /api/v1/tickets/${ID}/suggestions/${S2}/used`]: () => ({ status: 200, body: { suggestionId: S2, kind: 'used', recorded: true } }),
      [`POST /api/v1/tickets/${ID}/suggestions/${S2}/rated`]: () => ({ status: 200, body: { suggestionId: S2, kind: 'rated', recorded: true } }),
    });
    renderUi(<Page />);
    const article = await screen.findByTestId(`suggestion-article-${ART}`);
    expect(screen.getByTestId('suggestions-panel').textContent).toContain('知识推荐');
    expect(article.querySelector('mark')?.textContent).toBe('忘记密码');
    expect(screen.getByTestId('suggestion-solution-1001').textContent).toContain('在后台为该员工重置密码后恢复正常登录');

    fireEvent.click(screen.getByTestId(`suggestion-link-${ART}`));
    expect(screen.getByTestId('reply').textContent).toBe(`忘记密码怎么重置：${window.location.origin}/portal/acme/articles/${ART}`);
    fireEvent.click(screen.getByTestId('suggestion-solution-insert-1001'));
    expect(screen.getByTestId('reply').textContent).toContain('\n在后台为该员工重置密码后恢复正常登录');
    fireEvent.click(screen.getByTestId('suggestion-up-1001'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(3));
    expect(calls.filter((c) => c.method === 'POST').map((c) => [c.url.split('/suggestions/')[1], c.body])).toEqual([
      [`${S1.slice(0, -1)}1/used`, { mode: 'link' }],
      [`${S2}/used`, { mode: 'text' }],
      [`${S2}/rated`, { helpful: true }],
    ]);
    expect(screen.getByTestId('suggestion-up-1001').getAttribute('aria-pressed')).toBe('true');
    expect(article.textContent).toContain('已使用');
  });

  it('reads the suggestions again when the conversation has a new message', async () => {
    let reads = 0;
    stubFetch({ [`GET /api/v1/tickets/${ID}/suggestions`]: () => ({ status: 200, body: answer(++reads) }) });
    renderUi(<Page />);
    await screen.findByTestId(`suggestion-article-${ART}`);
    expect(reads).toBe(1);
    fireEvent.click(screen.getByTestId('new-message'));
    await waitFor(() => expect(reads).toBe(2));
  });

  it('offers no link of an internal article, only its words', async () => {
    const internal = answer(1);
    internal.articles[0].url = null;
    stubFetch({ [`GET /api/v1/tickets/${ID}/suggestions`]: () => ({ status: 200, body: internal }) });
    renderUi(<Page />);
    expect((await screen.findByTestId(`suggestion-internal-${ART}`)).textContent).toBe('内部文章');
    expect(screen.queryByTestId(`suggestion-link-${ART}`)).toBeNull();
    fireEvent.click(screen.getByTestId(`suggestion-text-${ART}`));
    expect(screen.getByTestId('reply').textContent).toBe('在登录页点击忘记密码，输入手机号获取验证码');
  });

  it('says when there is nothing to suggest', async () => {
    stubFetch({ [`GET /api/v1/tickets/${ID}/suggestions`]: () => ({ status: 200, body: { ticketId: ID, query: '你好', articles: [], solvedTickets: [] } }) });
    renderUi(<Page />);
    expect((await screen.findByTestId('suggestions-empty')).textContent).toContain('暂无相关文章或已解决工单');
  });
});
