import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { LiveSocket, type LiveMessage, type LiveState } from '../api/live';

// One live socket per signed-in console; components subscribe to the messages they care about.

const LiveContext = createContext<LiveSocket | null>(null);

export function LiveProvider({ children, socket }: { children: ReactNode; socket?: LiveSocket }) {
  const [live] = useState(() => socket ?? new LiveSocket());
  useEffect(() => {
    live.start();
    return () => live.stop();
  }, [live]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

/** Calls handler for each live message (the latest handler; no resubscribe on every render). */
export function useLiveMessages(handler: (m: LiveMessage) => void) {
  const live = useContext(LiveContext);
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!live) return;
    return live.subscribe((m) => ref.current(m));
  }, [live]);
}

export function useLiveState(): LiveState {
  const live = useContext(LiveContext);
  const [state, setState] = useState<LiveState>(live?.state ?? 'closed');
  useEffect(() => (live ? live.onState(setState) : undefined), [live]);
  return state;
}
