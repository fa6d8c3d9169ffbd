import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import { ASSIGNMENT, CANDIDATES, LI, me, NEED, TICKET, WithMe, ZHANG } from './dispatch-fixtures';
import { RecommendationPanel } from './recommendation-panel';

const routes = (role: string) => ({
  'GET /api/v1/auth/me': () => ({ status: 200, body: me('0190a0a0-0000-7000-8000-00000000du09', role) }),
  [`GET /api/v1/tickets/${TICKET.id}/dispatch/candidates`]: () => ({ status: 200, body: CANDIDATES }),
  [`POST /api/v1/tickets/${TICKET.id}/dispatch`]: () => ({ status: 200, body: ASSIGNMENT }),
});

describe('the recommendation panel', () => {
  it('recommends 处理人 for work not on site (an e-mail ticket), without a trip in the terms', async () => {
    stubFetch({
      ...routes('agent'),
      [`GET /api/v1/tickets/${TICKET.id}/dispatch/candidates`]: () => ({
        status: 200,
        body: { ...CANDIDATES, need: { ...NEED, kind: 'ticket', location: null, address: null, skill: null }, outlets: [], candidates: [{ ...CANDIDATES.candidates[0], travelKm: null, position: null }] },
      }),
    });
    renderUi(
      <WithMe>
        <RecommendationPanel ticket={TICKET} />
      </WithMe>,
    );
    expect((await screen.findByTestId('recommendations-title')).textContent).toBe('推荐处理人');
    expect(screen.getByTestId('candidate-terms').textContent).toBe('负荷 0/8，同类平均 45 分钟解决，一次修复率 92%，技能 4 级');
  });

  it('recommends engineers for on-site work', async () => {
    stubFetch(routes('agent'));
    renderUi(
      <WithMe>
        <RecommendationPanel ticket={TICKET} />
      </WithMe>,
    );
    expect((await screen.findByTestId('recommendations-title')).textContent).toBe('推荐工程师');
  });

  it('ranks people with their terms in words and assigns the one picked', async () => {
    const calls = stubFetch(routes('agent'));
    renderUi(
      <WithMe>
        <RecommendationPanel ticket={TICKET} />
      </WithMe>,
    );
    const first = await screen.findByTestId('candidate');
    expect(within(first).getByTestId('candidate-name').textContent).toBe('张伟');
    expect(within(first).getByTestId('candidate-terms').textContent).toBe('距离 3.2 公里·约 6 分钟，负荷 2/5，同类平均 45 分钟解决，一次修复率 92%，技能 电梯维修 4 级');
    expect(screen.getByTestId('recommendations').textContent).toContain('需要：电梯维修 3 级');
    // the nearest service outlets, with their distance and how many could take it
    expect(screen.getAllByTestId('rec-outlet').map((o) => o.textContent)).toEqual(['浦东网点3.2 公里 · 可派 2 人', '闵行网点18.6 公里 · 可派 0 人']);
    // the excluded, with the rules in words; an agent may not override
    fireEvent.click(screen.getByText('不可派（2）'));
    const reasons = (await screen.findAllByTestId('excluded-reasons')).map((r) => r.textContent);
    expect(reasons).toEqual(['证书过期：特种设备作业证（2026-11-30 到期）；不在班', '技能不足：电梯维修 需 3 级，现 2 级']);
    expect(screen.queryByTestId('override-open')).toBeNull();

    fireEvent.click(within(first).getByTestId('candidate-assign'));
    expect((await screen.findByTestId('assign-dialog')).textContent).toContain('把工单 #2051「3 号楼电梯困人」派给 张伟？');
    expect(screen.queryByTestId('reassign-reason')).toBeNull();
    fireEvent.click(screen.getByTestId('assign-confirm'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ userId: ZHANG }));
  });

  it('says who holds the ticket now: the holder is marked, anyone else is a 改派', async () => {
    stubFetch({
      ...routes('agent'),
      [`GET /api/v1/tickets/${TICKET.id}/dispatch/candidates`]: () => ({
        status: 200,
        body: { ...CANDIDATES, current: { userId: ZHANG, name: '张伟', state: 'started' }, candidates: [...CANDIDATES.candidates, { ...CANDIDATES.candidates[0], userId: LI, name: '李强', score: 0.5 }] },
      }),
    });
    renderUi(
      <WithMe>
        <RecommendationPanel ticket={TICKET} />
      </WithMe>,
    );
    expect((await screen.findByTestId('rec-current')).textContent).toBe('当前由 张伟 处理（处理中）');
    const [holder, other] = await screen.findAllByTestId('candidate');
    expect(within(holder).getByTestId('candidate-holder').textContent).toBe('当前处理人');
    expect(within(holder).queryByTestId('candidate-assign')).toBeNull();
    expect(within(other).getByTestId('candidate-assign').textContent).toBe('改派');
  });

  it('asks for an optional reason on a 改派 and sends it; a plain 派单 asks none', async () => {
    const calls = stubFetch({
      ...routes('agent'),
      [`GET /api/v1/tickets/${TICKET.id}/dispatch/candidates`]: () => ({
        status: 200,
        body: { ...CANDIDATES, current: { userId: ZHANG, name: '张伟', state: 'offered' }, candidates: [...CANDIDATES.candidates, { ...CANDIDATES.candidates[0], userId: LI, name: '李强', score: 0.5 }] },
      }),
    });
    renderUi(
      <WithMe>
        <RecommendationPanel ticket={TICKET} />
      </WithMe>,
    );
    const [, other] = await screen.findAllByTestId('candidate');
    fireEvent.click(within(other).getByTestId('candidate-assign'));
    const dialog = await screen.findByTestId('assign-dialog');
    expect(dialog.textContent).toContain('把工单 #2051「3 号楼电梯困人」从 张伟 改派给 李强？');
    expect(dialog.textContent).toContain('改派原因（选填）');
    fireEvent.change(within(dialog).getByTestId('reassign-reason'), { target: { value: '  李强离现场更近  ' } });
    fireEvent.click(screen.getByTestId('assign-confirm'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ userId: LI, reason: '李强离现场更近' }));
  });

  it('sends a 改派 without a reason when none is given', async () => {
    const calls = stubFetch({
      ...routes('agent'),
      [`GET /api/v1/tickets/${TICKET.id}/dispatch/candidates`]: () => ({
        status: 200,
        body: { ...CANDIDATES, current: { userId: LI, name: '李强', state: 'offered' } },
      }),
    });
    renderUi(
      <WithMe>
        <RecommendationPanel ticket={TICKET} />
      </WithMe>,
    );
    fireEvent.click(within(await screen.findByTestId('candidate')).getByTestId('candidate-assign'));
    expect(await screen.findByTestId('reassign-reason')).toBeTruthy();
    fireEvent.click(screen.getByTestId('assign-confirm'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ userId: ZHANG }));
  });

  it('lets a supervisor override an excluded person only with a reason', async () => {
    const calls = stubFetch(routes('supervisor'));
    renderUi(
      <WithMe>
        <RecommendationPanel ticket={TICKET} />
      </WithMe>,
    );
    fireEvent.click(await screen.findByText('不可派（2）'));
    fireEvent.click((await screen.findAllByTestId('override-open'))[0]);
    const dialog = await screen.findByTestId('assign-dialog');
    expect(dialog.textContent).toContain('强制派单给 李强');
    expect(within(dialog).getByTestId('override-rules').textContent).toContain('证书过期：特种设备作业证');
    fireEvent.click(screen.getByTestId('assign-confirm'));
    expect(await screen.findByText('请填写强制派单的原因')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByTestId('override-reason'), { target: { value: '客户点名要李强，证书已在补办' } });
    fireEvent.click(screen.getByTestId('assign-confirm'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ userId: LI, override: true, reason: '客户点名要李强，证书已在补办' }));
  });

  it('folds the people who do no on-site work into one line, and offers the holder no 强制派单 to themselves', async () => {
    const desk = (userId: string, name: string) => ({
      userId, name,
      reasons: [{ rule: 'shift', detail: {} }, { rule: 'team', detail: {} }, { rule: 'capacity', detail: { kind: 'field', load: 0, capacity: 0 } }],
    });
    stubFetch({
      ...routes('supervisor'),
      [`GET /api/v1/tickets/${TICKET.id}/dispatch/candidates`]: () => ({
        status: 200,
        body: {
          ...CANDIDATES,
          current: { userId: LI, name: '李强', state: 'offered' },
          excluded: [
            ...CANDIDATES.excluded,
            desk('0190a0a0-0000-7000-8000-00000000dd01', 'Emily Chen'),
            desk('0190a0a0-0000-7000-8000-00000000dd02', '刘洋'),
            desk('0190a0a0-0000-7000-8000-00000000dd03', '周杰'),
            // full with on-site work: still listed
            { userId: '0190a0a0-0000-7000-8000-00000000dd04', name: '何勇', reasons: [{ rule: 'capacity', detail: { kind: 'field', load: 3, capacity: 3 } }] },
          ],
        },
      }),
    });
    renderUi(
      <WithMe>
        <RecommendationPanel ticket={TICKET} />
      </WithMe>,
    );
    fireEvent.click(await screen.findByText('不可派（6）'));
    const people = await screen.findAllByTestId('excluded-person');
    expect(people.map((p) => p.querySelector('.ant-list-item-meta-title')?.textContent)).toEqual(['李强', '王磊', '何勇']);
    expect(screen.getByTestId('excluded-no-field').textContent).toContain('另有 3 人不做上门工作');
    fireEvent.click(screen.getByTestId('excluded-no-field-toggle'));
    expect(screen.getByTestId('excluded-no-field-names').textContent).toBe('Emily Chen，刘洋，周杰');
    // 李强 holds it: 当前处理人, no 强制派单 to himself; the others keep theirs
    expect(within(people[0]).getByTestId('excluded-holder').textContent).toBe('当前处理人');
    expect(within(people[0]).queryByTestId('override-open')).toBeNull();
    expect(within(people[1]).getByTestId('override-open')).toBeTruthy();
    expect(within(people[2]).getByTestId('override-open')).toBeTruthy();
  });
});
