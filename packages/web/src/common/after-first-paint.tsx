import { useEffect, useState, type ReactNode } from 'react';

/**
 * Renders its children once what the page needs first has been painted — `when` is true (e.g. the
 * ticket's conversation has arrived) and two frames have passed — so that shows without waiting for
 * the mount of secondary parts (the side column's many controls, and the requests they start). Until
 * then it shows `fallback`.
 */
export function AfterFirstPaint({ children, fallback = null, when = true }: { children: ReactNode; fallback?: ReactNode; when?: boolean }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready || !when) return;
    // the frame after the next: what rendered with `when` has been painted
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => setReady(true));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [ready, when]);
  return <>{ready ? children : fallback}</>;
}
