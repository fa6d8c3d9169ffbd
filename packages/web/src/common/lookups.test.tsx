import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import { LookupsProvider, useUserNames } from './lookups';

const A = '0190a0a0-0000-7000-8000-0000000000a1';
const B = '0190a0a0-0000-7000-8000-0000000000b2';
const GONE = '0190a0a0-0000-7000-8000-0000000000ff';
const user = (id: string, name: string) => ({ id, email: `${name}@acme.cn`, name, phone: null, role: 'agent', scope: 'all', locale: 'zh-CN', active: true, teamIds: [] });

function Names({ ids, testId }: { ids: string[]; testId: string }) {
  const byId = useUserNames(ids);
  return <span data-testid={testId}>{ids.map((id) => byId.get(id)?.name ?? '…').join('、')}</span>;
}

describe('user names by id', () => {
  it('fetches only the users shown, by ids, once each, and never the whole list', async () => {
    const calls = stubFetch({
      'GET /api/v1/users': () => ({ status: 200, body: { items: [user(A, '王芳'), user(B, '李强')] } }),
      'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
    });
    renderUi(
      <LookupsProvider>
        <Names ids={[A, B, GONE]} testId="one" />
        <Names ids={[B, A]} testId="two" />
      </LookupsProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('one').textContent).toBe('王芳、李强、…'));
    expect(screen.getByTestId('two').textContent).toBe('李强、王芳');
    const userCalls = calls.filter((c) => c.url.startsWith('/api/v1/users'));
    expect(userCalls).toHaveLength(1);
    const q = new URLSearchParams(userCalls[0].url.split('?')[1]);
    expect(q.get('ids')!.split(',').sort()).toEqual([A, B, GONE].sort());
    expect(q.get('limit')).toBeNull();
  });
});
