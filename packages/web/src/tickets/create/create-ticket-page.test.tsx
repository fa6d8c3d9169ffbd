import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { LookupsProvider } from '../../common/lookups';
import { renderUi, stubFetch } from '../../test/render';
import { choose } from '../../test/select';
import CreateTicketPage from './create-ticket-page';

const TEAM = '0190a0a0-0000-7000-8000-0000000000f1';
const routes = {
  'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
  'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
  'GET /api/v1/teams': () => ({ status: 200, body: { items: [{ id: TEAM, name: '网络运维组', description: '', skills: [], memberIds: [] }] } }),
  'GET /api/v1/custom-fields': () => ({ status: 200, body: { items: [] } }),
  'POST /api/v1/tickets': (b: unknown) => ({ status: 201, body: { id: 't1', number: 10042, ...(b as object) } }),
};

function open() {
  renderUi(
    <MemoryRouter>
      <LookupsProvider>
        <CreateTicketPage />
      </LookupsProvider>
    </MemoryRouter>,
  );
}

async function submit(title: string, description: string) {
  fireEvent.change(screen.getByTestId('create-title'), { target: { value: title } });
  fireEvent.change(screen.getByTestId('create-description'), { target: { value: description } });
  await act(async () => void fireEvent.click(screen.getByTestId('create-submit')));
}

describe('a ticket typed in the console', () => {
  beforeEach(() => localStorage.clear());

  it('leaves priority, category and team to the intelligence unless the agent picks them', async () => {
    const calls = stubFetch(routes);
    open();
    // the fields say the system will decide, and hold no value of their own
    for (const id of ['create-priority', 'create-category', 'create-team']) expect((await screen.findByTestId(id)).textContent).toContain('自动判断');
    await submit('空调又坏了', '已经第三次报修了，再不处理我们就要投诉了！！！');
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(body).toMatchObject({ title: '空调又坏了', channel: 'phone' });
    for (const key of ['priority', 'categoryId', 'teamId']) expect(body).not.toHaveProperty(key);
  });

  it('sends what the agent chose', async () => {
    const calls = stubFetch(routes);
    open();
    await choose('create-priority', '高');
    await choose('create-team', '网络运维组');
    await submit('机房断网', '三楼机房整层断网');
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ priority: 'high', teamId: TEAM });
  });
});
