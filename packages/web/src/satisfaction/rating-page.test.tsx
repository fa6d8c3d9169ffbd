import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import RatingPage from './rating-page';

// 服务评价: the public page the survey link opens — the ticket, big stars, a comment, NPS when asked; one answer.

const TOKEN = '0192f3a45b6c7d8e9f0123456789abcdAbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_x';
const PATH = `/api/v1/public/csat/${TOKEN}`;
const survey = (o: object = {}) => ({ surveyId: '0192f3a4-0000-7000-8000-000000000001', ticketId: '0192f3a4-0000-7000-8000-000000000002', ticketNumber: 10086, ticketTitle: '打印机卡纸', npsAsked: false, answered: false, expired: false, expiresAt: '2026-04-01T00:00:00Z', answer: null, ...o });

function open(routes: Parameters<typeof stubFetch>[0]) {
  const calls = stubFetch(routes);
  renderUi(
    <MemoryRouter initialEntries={[`/csat/${TOKEN}`]}>
      <Routes>
        <Route path="/csat/:token" element={<RatingPage />} />
      </Routes>
    </MemoryRouter>,
  );
  return calls;
}

describe('the public rating page', () => {
  it('rates with stars and a comment, then thanks', async () => {
    const calls = open({
      [`GET ${PATH}`]: () => ({ status: 200, body: survey() }),
      [`POST ${PATH}`]: (b) => ({ status: 200, body: { surveyId: survey().surveyId, ...(b as object), nps: null, answeredAt: '2026-03-02T01:00:00Z' } }),
    });
    expect((await screen.findByTestId('csat-ticket')).textContent).toBe('工单 #10086「打印机卡纸」');
    expect(screen.queryByTestId('csat-nps')).toBeNull();
    expect((screen.getByTestId('csat-submit') as HTMLButtonElement).disabled).toBe(true);
    const stars = screen.getByTestId('csat-stars').querySelectorAll('li [role="radio"]');
    fireEvent.click(stars[3]);
    expect(screen.getByTestId('csat-star-label').textContent).toBe('满意');
    fireEvent.change(screen.getByTestId('csat-comment'), { target: { value: '工程师很耐心' } });
    fireEvent.click(screen.getByTestId('csat-submit'));
    await screen.findByTestId('csat-thanks');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ score: 4, comment: '工程师很耐心' });
  });

  it('asks NPS 0–10 when the survey does', async () => {
    const calls = open({
      [`GET ${PATH}`]: () => ({ status: 200, body: survey({ npsAsked: true }) }),
      [`POST ${PATH}`]: () => ({ status: 200, body: { surveyId: survey().surveyId, score: 5, nps: 9, comment: null, answeredAt: '2026-03-02T01:00:00Z' } }),
    });
    await screen.findByTestId('csat-nps');
    fireEvent.click(screen.getByTestId('csat-stars').querySelectorAll('li [role="radio"]')[4]);
    fireEvent.click(screen.getByTestId('csat-nps-9'));
    fireEvent.click(screen.getByTestId('csat-submit'));
    await screen.findByTestId('csat-thanks');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ score: 5, comment: null, nps: 9 });
  });

  it('says so when the survey is answered already (also by a score in chat)', async () => {
    open({ [`GET ${PATH}`]: () => ({ status: 200, body: survey({ answered: true, answer: { score: 5, nps: null, comment: null, answeredAt: '2026-03-02T01:00:00Z', via: 'wecom' } }) }) });
    expect((await screen.findByTestId('csat-answered')).textContent).toContain('您的评分：5 星');
  });

  it('shows an expired survey', async () => {
    open({ [`GET ${PATH}`]: () => ({ status: 200, body: survey({ expired: true }) }) });
    await screen.findByTestId('csat-expired');
  });

  it('shows an unknown link without a form', async () => {
    open({});
    await screen.findByTestId('csat-invalid');
    expect(screen.queryByTestId('csat-submit')).toBeNull();
  });

  it('shows the refusal of a second answer in the customer’s words', async () => {
    open({
      [`GET ${PATH}`]: () => ({ status: 200, body: survey() }),
      [`POST ${PATH}`]: () => ({ status: 409, body: { error: { code: 'CSAT_ALREADY_ANSWERED', message: 'answered already' } } }),
    });
    await screen.findByTestId('csat-ticket');
    fireEvent.click(screen.getByTestId('csat-stars').querySelectorAll('li [role="radio"]')[0]);
    fireEvent.click(screen.getByTestId('csat-submit'));
    await waitFor(() => expect(screen.getByTestId('csat-error').textContent).toContain('您已经评价过了'));
  });
});
