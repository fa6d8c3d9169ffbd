import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createQueryClient } from '../common/query-client';
import { Themed } from '../common/themed';
import { i18n } from '../i18n';

/**
 * Renders with the console's i18n (zh-CN unless a test switches it), Ant Design providers and a query
 * cache of its own (nothing cached carries over between tests), as the console has them.
 */
export function renderUi(ui: ReactElement) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nextProvider i18n={i18n}>
        <Themed>{ui}</Themed>
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

/** A fetch stub answering by "METHOD path" with a JSON body and status. */
export function stubFetch(routes: Record<string, (body: unknown) => { status: number; body?: unknown; headers?: Record<string, string> }>) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    calls.push({ method, url, body });
    const path = url.split('?')[0];
    const handler = routes[`${method} ${path}`];
    const res = handler ? handler(body) : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no route' } } };
    return new Response(res.body === undefined ? null : JSON.stringify(res.body), { status: res.status, headers: { 'content-type': 'application/json', ...('headers' in res ? res.headers : {}) } });
  };
  globalThis.fetch = fn as typeof fetch;
  return calls;
}
