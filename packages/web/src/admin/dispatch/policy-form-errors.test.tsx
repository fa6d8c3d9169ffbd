import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LookupsProvider } from '../../common/lookups';
import { renderUi, stubFetch } from '../../test/render';
import { PolicyModal } from './policy-form';

// A policy the server refuses for a reason no single field shows (every weight at 0: the issue is on
// `weights`, the form's fields are the single weights) says why, not only "填写的内容有误".

const MESSAGE = 'A scored policy needs at least one weight above 0: with all of them 0 every candidate scores the same';

// the tenant's policy with every weight set to 0
const ZERO = { travel: 0, load: 0, speed: 0, firstFix: 0, skillFit: 0, tier: 0, preferred: 0, fairness: 0, deadline: 0 };
const POLICY = { scope: 'tenant', scopeId: null, mode: 'scored', target: 'person', weights: ZERO, batchWindowS: 30, acceptTimeoutS: 300, speedKmh: 30, positionStaleMin: 30, defaultCapacity: { ticket: 8, chat: 2, field: 5 }, autoImprove: false, overflowTeamId: null, overflowThreshold: null } as never;

describe('the dispatch policy form, refused by the server', () => {
  it('shows what the server says about the weights', async () => {
    const calls = stubFetch({
      'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/users': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
      'PUT /api/v1/dispatch/policies': () => ({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message: MESSAGE, field: 'weights', details: [{ field: 'weights', code: 'invalid', message: MESSAGE }] } } }),
    });
    renderUi(
      <LookupsProvider>
        <PolicyModal editing={POLICY} onClose={() => undefined} onSaved={() => undefined} />
      </LookupsProvider>,
    );
    await screen.findByTestId('policy-weight-label-travel');
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(await screen.findByText('填写的内容有误：至少要有一项权重大于 0（全为 0 时每个人得分都一样）')).toBeTruthy();
  });
});
