import { useSyncExternalStore } from 'react';

// A phone: narrower than Ant Design's md breakpoint (768 px). The console then switches to its phone
// layout: navigation in a drawer, the queue as cards with filters in a drawer, the ticket's
// conversation first with the reply box fixed at the bottom. Read from the media query itself (not
// Grid.useBreakpoint, which knows nothing on the first render), so a desktop never flashes the phone layout.
export const PHONE_QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void) {
  const m = window.matchMedia(PHONE_QUERY);
  m.addEventListener?.('change', onChange);
  return () => m.removeEventListener?.('change', onChange);
}

export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE_QUERY).matches, () => false);
}
