import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { stubFetch } from '../test/render';
import { renderApp } from '../test/render-app';

// 知识库 › 同义词: admins list, add, change and delete the search's synonyms, with the API's refusals on
// the field at fault; other staff only read them.

const ID = '0190a0a0-0000-7000-8000-0000000000s1';
const NEW = '0190a0a0-0000-7000-8000-0000000000s2';
const user = (role: string) => ({ type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '管理员老李', role, scope: 'all', teamIds: [], contactId: null, tenantId: 'x' });
const rule = (id: string, term: string, synonyms: string[]) => ({ id, term, synonyms, createdAt: '2026-12-01T08:00:00Z', updatedAt: '2026-12-01T08:00:00Z' });

function start(role = 'admin', extra: Record<string, (b: unknown) => { status: number; body?: unknown }> = {}) {
  let items = [rule(ID, '退钱', ['退款'])];
  window.history.pushState({}, '', '/knowledge?tab=synonyms');
  const calls = stubFetch({
    'GET /api/v1/auth/me': () => ({ status: 200, body: user(role) }),
    'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/notifications': () => ({ status: 200, body: { items: [], unread: 0, nextBefore: null } }),
    'GET /api/v1/kb/categories': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/kb/synonyms': () => ({ status: 200, body: { items } }),
    'POST /api/v1/kb/synonyms': (b) => {
      const body = b as { term: string; synonyms: string[] };
      if (body.term === '退钱') return { status: 409, body: { error: { code: 'CONFLICT', message: 'Synonyms for "退钱" already exist; change that entry instead', field: 'term' } } };
      const created = rule(NEW, body.term, body.synonyms);
      items = [...items, created];
      return { status: 201, body: created };
    },
    [`PATCH /api/v1/kb/synonyms/${ID}`]: (b) => {
      const body = b as { term: string; synonyms: string[] };
      if (body.synonyms.includes(body.term)) return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'A synonym must differ from the word itself', field: 'synonyms' } } };
      items = items.map((x) => (x.id === ID ? { ...x, ...body } : x));
      return { status: 200, body: items[0] };
    },
    [`DELETE /api/v1/kb/synonyms/${ID}`]: () => ({ status: 204 }),
    ...extra,
  });
  renderApp();
  return calls;
}

/** Types words into the synonyms box, each ended by a separator (Enter, or a comma as pasted lists have). */
async function typeSynonyms(words: string) {
  const input = screen.getByTestId('synonym-synonyms').querySelector('input')!;
  await act(async () => {
    fireEvent.change(input, { target: { value: words } });
  });
}

describe('知识库 › 同义词', () => {
  beforeEach(async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket = class {
      close() {}
    };
    await i18n.changeLanguage('zh-CN');
  });

  it('lists the synonyms in their tab and adds 登陆 → 登录, 登入', async () => {
    const calls = start();
    const row = await screen.findByTestId('synonym-row-退钱');
    expect(row.textContent).toContain('退款');
    expect(screen.getByTestId('kb-tab-synonyms').textContent).toBe('同义词');
    fireEvent.click(screen.getByTestId('synonym-add'));
    fireEvent.change(await screen.findByTestId('synonym-term'), { target: { value: ' 登陆 ' } });
    await typeSynonyms('登录、登入，');
    fireEvent.click(screen.getByTestId('synonym-save'));
    const added = await screen.findByTestId('synonym-row-登陆');
    expect(added.textContent).toContain('登录');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ term: '登陆', synonyms: ['登录', '登入'] });
  });

  it('refuses an entry without a word or synonyms before asking the server', async () => {
    const calls = start();
    await screen.findByTestId('synonym-row-退钱');
    fireEvent.click(screen.getByTestId('synonym-add'));
    await screen.findByTestId('synonym-term');
    fireEvent.click(screen.getByTestId('synonym-save'));
    await screen.findByText('请输入词语');
    await screen.findByText('请至少填写一个同义词');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it("shows the API's refusals on the field: a word that already has an entry, a synonym equal to its word", async () => {
    start();
    const row = await screen.findByTestId('synonym-row-退钱');
    fireEvent.click(screen.getByTestId('synonym-add'));
    fireEvent.change(await screen.findByTestId('synonym-term'), { target: { value: '退钱' } });
    await typeSynonyms('退费，');
    fireEvent.click(screen.getByTestId('synonym-save'));
    await screen.findByText('该词语已有同义词条目，请修改已有条目');
    expect(screen.queryByTestId('synonym-error')).toBeNull();
    fireEvent.click(screen.getAllByRole('button').find((b) => b.textContent?.replace(/\s/g, '') === '取消')!);

    fireEvent.click(within(row).getByTestId('synonym-edit'));
    const term = await screen.findByTestId('synonym-term');
    await waitFor(() => expect((term as HTMLInputElement).value).toBe('退钱'));
    await typeSynonyms('退钱，');
    fireEvent.click(screen.getByTestId('synonym-save'));
    await screen.findByText('同义词不能与词语本身相同');
  });

  it('changes an entry starting from its current words, and deletes one after confirmation', async () => {
    const calls = start();
    const row = await screen.findByTestId('synonym-row-退钱');
    fireEvent.click(within(row).getByTestId('synonym-edit'));
    await waitFor(() => expect(screen.getByTestId('synonym-synonyms').textContent).toContain('退款'));
    await typeSynonyms('退费，');
    fireEvent.click(screen.getByTestId('synonym-save'));
    await waitFor(() => expect(screen.getByTestId('synonym-row-退钱').textContent).toContain('退费'));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ term: '退钱', synonyms: ['退款', '退费'] });

    fireEvent.click(within(screen.getByTestId('synonym-row-退钱')).getByTestId('synonym-delete'));
    const confirm = await screen.findByRole('tooltip');
    fireEvent.click(within(confirm).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(screen.queryByTestId('synonym-row-退钱')).toBeNull());
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true);
  });

  it('lets other staff read the synonyms without changing them', async () => {
    start('agent');
    await screen.findByTestId('synonym-row-退钱');
    expect(screen.getByText('同义词由管理员维护。')).toBeTruthy();
    expect(screen.queryByTestId('synonym-add')).toBeNull();
    expect(screen.queryByTestId('synonym-edit')).toBeNull();
  });

  it('speaks English when switched', async () => {
    await i18n.changeLanguage('en');
    start();
    await screen.findByTestId('synonym-row-退钱');
    expect(screen.getByTestId('kb-tab-synonyms').textContent).toBe('Synonyms');
    expect(screen.getByTestId('synonym-add').textContent).toContain('Add synonyms');
    await i18n.changeLanguage('zh-CN');
  });
});
