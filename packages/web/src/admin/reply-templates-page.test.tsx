import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import ReplyTemplatesPage from './reply-templates-page';

// Administration › 快捷回复: list, add, change and delete the templates agents pick in the reply box.

const tpl = (id: string, name: string, body: string) => ({ id, name, body, categoryId: null, createdBy: null, createdAt: '2026-12-01T08:00:00Z', updatedAt: '2026-12-01T08:00:00Z' });
const ID = '0190a0a0-0000-7000-8000-0000000000t1';

function start() {
  let items = [tpl(ID, '已收到报修', '<p>您好，已收到您的报修，工程师会尽快联系您。</p>')];
  const calls = stubFetch({
    'GET /api/v1/reply-templates': () => ({ status: 200, body: { items } }),
    'POST /api/v1/reply-templates': (b) => {
      const body = b as { name: string; body: string };
      const created = tpl('0190a0a0-0000-7000-8000-0000000000t2', body.name, body.body);
      items = [...items, created];
      return { status: 201, body: created };
    },
    [`PATCH /api/v1/reply-templates/${ID}`]: (b) => {
      items = items.map((x) => (x.id === ID ? { ...x, ...(b as object) } : x));
      return { status: 200, body: items[0] };
    },
    [`DELETE /api/v1/reply-templates/${ID}`]: () => ({ status: 204 }),
  });
  renderUi(<ReplyTemplatesPage />);
  return calls;
}

describe('reply templates administration', () => {
  it('lists the templates with their text', async () => {
    start();
    const row = await screen.findByTestId('template-row-已收到报修');
    expect(row.textContent).toContain('您好，已收到您的报修，工程师会尽快联系您。');
  });

  it('adds a template written as plain text, sent as the comment HTML', async () => {
    const calls = start();
    await screen.findByTestId('template-row-已收到报修');
    fireEvent.click(screen.getByTestId('template-add'));
    fireEvent.change(await screen.findByTestId('template-name'), { target: { value: '上门预约' } });
    fireEvent.change(screen.getByTestId('template-body'), { target: { value: '您好，工程师将于明天上午上门。\n请保持电话畅通。' } });
    fireEvent.click(screen.getByTestId('template-save'));
    await screen.findByTestId('template-row-上门预约');
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ name: '上门预约', body: '<p>您好，工程师将于明天上午上门。<br>请保持电话畅通。</p>', categoryId: null });
  });

  it('refuses a template without a name or text before asking the server', async () => {
    const calls = start();
    await screen.findByTestId('template-row-已收到报修');
    fireEvent.click(screen.getByTestId('template-add'));
    await screen.findByTestId('template-name');
    fireEvent.click(screen.getByTestId('template-save'));
    await screen.findByText('请输入名称');
    await screen.findByText('请输入内容');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('changes a template, starting from its current text', async () => {
    const calls = start();
    const row = await screen.findByTestId('template-row-已收到报修');
    fireEvent.click(within(row).getByTestId('template-edit'));
    const name = await screen.findByTestId('template-name');
    await waitFor(() => expect((name as HTMLInputElement).value).toBe('已收到报修'));
    expect((screen.getByTestId('template-body') as HTMLTextAreaElement).value).toBe('您好，已收到您的报修，工程师会尽快联系您。');
    fireEvent.change(name, { target: { value: '报修已受理' } });
    fireEvent.click(screen.getByTestId('template-save'));
    await screen.findByTestId('template-row-报修已受理');
    expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ name: '报修已受理' });
  });

  it('deletes a template after confirmation', async () => {
    const calls = start();
    const row = await screen.findByTestId('template-row-已收到报修');
    fireEvent.click(within(row).getByTestId('template-delete'));
    const confirm = await screen.findByRole('tooltip');
    fireEvent.click(within(confirm).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(screen.queryByTestId('template-row-已收到报修')).toBeNull());
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true);
  });
});
