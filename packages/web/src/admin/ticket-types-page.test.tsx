import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { BrowserRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { Providers } from '../app';
import { useAuth } from '../auth/auth-context';
import { LookupsProvider } from '../common/lookups';
import { renderUi, stubFetch } from '../test/render';
import TicketTypesPage from './ticket-types-page';

/** The page as the console shows it: behind sign-in, with the lookups. */
const SignedIn = ({ children }: { children: ReactNode }) => (useAuth().me ? <LookupsProvider>{children}</LookupsProvider> : null);

const me = { type: 'user', id: '0190a0a0-0000-7000-8000-00000000000a', name: '管理员', role: 'admin', scope: 'all', teamIds: [], contactId: null, tenantId: 'x' };
const repair = { id: '0190a0a0-0000-7000-8000-0000000000y1', key: 'repair', nameZh: '维修', nameEn: 'Repair', active: true, resolveRequires: ['resolution', 'category', 'assignee'] };

describe('ticket types administration', () => {
  it('says what resolving a type needs, and changes it with the type', async () => {
    const calls = stubFetch({
      'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
      'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [repair] } }),
      'GET /api/v1/custom-fields': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
      [`PATCH /api/v1/ticket-types/${repair.id}`]: (b) => ({ status: 200, body: { ...repair, ...(b as object) } }),
    });
    renderUi(
      <Providers>
        <BrowserRouter>
          <SignedIn>
            <TicketTypesPage />
          </SignedIn>
        </BrowserRouter>
      </Providers>,
    );
    const repairItem = await screen.findByTestId('type-repair', {}, { timeout: 10_000 });
    await act(async () => void fireEvent.click(repairItem));
    expect((await screen.findByTestId('type-resolve-summary')).textContent).toBe('解决时必填：解决说明、分类、处理人');
    await act(async () => void fireEvent.click(screen.getByTestId('type-edit')));
    const group = await screen.findByTestId('type-resolve-requires');
    // an assignee is not needed to resolve a repair of this tenant's
    await act(async () => void fireEvent.click(within(group).getByLabelText('处理人')));
    await act(async () => void fireEvent.click(screen.getByTestId('type-form-ok')));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ nameZh: '维修', nameEn: 'Repair', resolveRequires: ['resolution', 'category'] }]));
    await waitFor(() => expect(screen.getByTestId('type-resolve-summary').textContent).toBe('解决时必填：解决说明、分类'));
  });
});
