import { QueryClient } from '@tanstack/react-query';

/**
 * The console's server-state cache (TanStack Query), one per app (tests make a fresh one per render).
 * Its defaults keep what the pages did by hand: no silent retries (the api client already turns a
 * failure into its Chinese message, shown at once), no refetch when the window regains focus; pages
 * refetch after their own changes by invalidating the queries they touched.
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
