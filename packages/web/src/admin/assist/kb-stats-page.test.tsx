import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../../test/render';
import KbStatsPage from './kb-stats-page';

const CAT = '0190a0a0-0000-7000-8000-0000000000c1';

describe('知识推荐命中率 (administration)', () => {
  it('shows the hit rate overall and per category, the helpful rate and the deflection', async () => {
    const calls = stubFetch({
      'GET /api/v1/kb/stats': () => ({
        status: 200,
        body: {
          from: '2026-02-01T00:00:00.000Z',
          to: '2026-03-03T00:00:00.000Z',
          suggestions: { shownTickets: 3, usedTickets: 1, hitRate: 0.3333, shown: 12, used: 1, helpful: 2, notHelpful: 1, helpfulRate: 0.6667, byCategory: [{ categoryId: CAT, shownTickets: 2, usedTickets: 1, hitRate: 0.5 }, { categoryId: null, shownTickets: 1, usedTickets: 0, hitRate: 0 }] },
          portal: { searches: 3, sessions: 4, deflected: 1, submitted: 1, abandoned: 1, pending: 1, deflectionRate: 0.3333 },
          articles: null,
        },
      }),
    });
    renderUi(
      <MemoryRouter>
        <KbStatsPage />
      </MemoryRouter>,
    );
    expect((await screen.findByTestId('kb-stats-hit-rate')).textContent).toContain('33.3%');
    expect(screen.getByTestId('kb-stats-helpful').textContent).toContain('2 有帮助 / 1 没帮助');
    expect(screen.getByTestId('kb-stats-deflection').textContent).toContain('1 自助解决 / 1 提交工单 / 1 未读文章离开');
    expect(screen.getByTestId('kb-stats-searches').textContent).toContain('1 个会话尚在 24 小时观察期内');
    const rows = [...screen.getByTestId('kb-stats-categories').querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows).toEqual([`${CAT}2150%`, '未分类100%']);
    expect(screen.queryByTestId('kb-stats-articles')).toBeNull();
    expect(calls[0].url).toMatch(/from=.*&to=/);
    expect(screen.getByTestId('kb-stats-synonyms').getAttribute('href')).toBe('/knowledge?tab=synonyms');
  });
});
