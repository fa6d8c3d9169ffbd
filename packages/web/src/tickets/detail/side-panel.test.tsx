import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { CustomField, Ticket } from '../../api/types';
import type { SignedIn } from '../../auth/auth-context';
import { renderUi, stubFetch } from '../../test/render';
import { SidePanel } from './side-panel';

const ID = '0190a0a0-0000-7000-8000-0000000000t1';
const me = { type: 'user', id: '0190a0a0-0000-7000-8000-0000000000u1', name: '坐席小王', role: 'agent', scope: 'all', teamIds: [], contactId: null, tenantId: 't' } satisfies SignedIn;
const building: CustomField = { id: 'f1', ticketTypeId: null, key: 'building', kind: 'text', labelZh: '楼栋', labelEn: 'Building', required: true, options: [], position: 0 };
const ticket = { id: ID, number: 1042, title: '地下车库漏水', status: 'new', priority: 'normal', channel: 'email', typeId: null, categoryId: null, teamId: null, tags: [], customFields: {}, missingFields: ['building'], watcherIds: [] } as unknown as Ticket;

function Page({ setByIntelligence }: { setByIntelligence?: string[] }) {
  const [current, setCurrent] = useState(ticket);
  return (
    <MemoryRouter>
      <SidePanel ticket={current} me={me} version={0} setByIntelligence={setByIntelligence} onUpdated={setCurrent} />
    </MemoryRouter>
  );
}

describe('the ticket side panel', () => {
  it('says which required fields a ticket from a channel still misses, until an agent fills them', async () => {
    stubFetch({
      'GET /api/v1/custom-fields': () => ({ status: 200, body: { items: [building] } }),
      [`PATCH /api/v1/tickets/${ID}`]: (b) => ({ status: 200, body: { ...ticket, ...(b as object), missingFields: [] } }),
    });
    renderUi(<Page />);
    const alert = await screen.findByTestId('missing-fields');
    expect(alert.textContent).toContain('待补全：楼栋');
    const input = await screen.findByTestId('cf-building');
    fireEvent.change(input, { target: { value: '地下车库' } });
    fireEvent.blur(input);
    await waitFor(() => expect(screen.queryByTestId('missing-fields')).toBeNull());
  });

  it('marks the fields the intelligence set beside their label, and only those', async () => {
    stubFetch({ 'GET /api/v1/custom-fields': () => ({ status: 200, body: { items: [] } }) });
    renderUi(<Page setByIntelligence={['priority', 'teamId']} />);
    expect((await screen.findByTestId('set-by-intel-priority')).textContent).toBe('智能设置');
    expect(screen.getByTestId('set-by-intel-teamId').closest('.ant-form-item')!.textContent).toContain('技能组');
    expect(screen.queryByTestId('set-by-intel-categoryId')).toBeNull();
  });

  it('sets the ticket’s asset (设备) found by its serial or name, and clears it', async () => {
    const LIFT = '0190a0a0-0000-7000-8000-0000000000a1';
    const calls = stubFetch({
      'GET /api/v1/custom-fields': () => ({ status: 200, body: { items: [] } }),
      'GET /api/v1/assets': () => ({ status: 200, body: { items: [{ id: LIFT, serial: 'GM-ELV-02', name: '国贸大厦 2 号电梯' }], nextCursor: null } }),
      [`GET /api/v1/assets/${LIFT}`]: () => ({ status: 200, body: { id: LIFT, serial: 'GM-ELV-02', name: '国贸大厦 2 号电梯' } }),
      [`PATCH /api/v1/tickets/${ID}`]: (b) => ({ status: 200, body: { ...ticket, ...(b as object) } }),
    });
    renderUi(<Page />);
    const field = await screen.findByTestId('field-asset');
    expect(field.closest('.ant-form-item')!.textContent).toContain('设备');
    fireEvent.mouseDown(field.querySelector('.ant-select-selector') ?? field);
    fireEvent.change(field.querySelector('input')!, { target: { value: '电梯' } });
    fireEvent.click(await screen.findByText('国贸大厦 2 号电梯（GM-ELV-02）', {}, { timeout: 3000 }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ assetId: LIFT }));
    // the typed words are searched (debounced: the first page's options may already have been clicked)
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/v1/assets?') && c.url.includes(`q=${encodeURIComponent('电梯')}`))).toBe(true));
    await waitFor(() => expect(screen.getByTestId('field-asset').textContent).toContain('GM-ELV-02'));
  });
});
