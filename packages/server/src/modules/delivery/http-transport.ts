import type { HttpRequest } from './outbound-request';

export interface HttpAnswer {
  status: number;
  text: string;
}

/** The port the sender posts through (tests may pass their own). */
export type PostJson = (req: HttpRequest, timeoutMs: number) => Promise<HttpAnswer>;

/** POSTs with a timeout; redirects are not followed (a signed request goes where it was configured to). */
export const postJson: PostJson = async (req, timeoutMs) => {
  const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text().catch(() => '');
  return { status: res.status, text: text.slice(0, 4000) };
};
