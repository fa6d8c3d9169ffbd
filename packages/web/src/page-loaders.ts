// The code of the pages most addresses open with, as functions that load it (React.lazy takes them in
// app.tsx). The entry (main.tsx) calls preloadPage before the app's own code has arrived, so the page's
// chunk travels together with it instead of after the session check.

export const signInPage = () => import('./auth/sign-in-page');
export const ticketListPage = () => import('./tickets/list/ticket-list-page');
export const ticketDetailPage = () => import('./tickets/detail/ticket-detail-page');

/** The loader of the page at pathname, among the three above; null for the others. */
export function pageLoaderFor(pathname: string) {
  if (pathname === '/login') return signInPage;
  if (pathname === '/' || pathname === '/tickets' || pathname === '/tickets/') return ticketListPage;
  if (/^\/tickets\/(?!new\/?$)[^/]+\/?$/.test(pathname)) return ticketDetailPage;
  return null;
}

/** Starts loading the page's code; a failure shows when the page itself asks for it. */
export function preloadPage(pathname: string) {
  pageLoaderFor(pathname)?.().catch(() => undefined);
}
