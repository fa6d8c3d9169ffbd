import { useEffect, useState, type RefObject } from 'react';

/** The height from an element's top to the bottom of the window, kept current on resize. */
export function useAvailableHeight(ref: RefObject<HTMLElement | null>, bottomGap = 16, min = 240, remeasureKey: unknown = null): number {
  const [h, setH] = useState(480);
  useEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      setH(Math.max(min, window.innerHeight - top - bottomGap));
    };
    measure();
    window.addEventListener('resize', measure);
    const ro = typeof ResizeObserver !== 'undefined' && ref.current ? new ResizeObserver(measure) : null;
    if (ro && ref.current?.parentElement) ro.observe(ref.current.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      ro?.disconnect();
    };
  }, [ref, bottomGap, min, remeasureKey]);
  return h;
}

/** An element's own height (0 until it is there), kept current as it changes size. */
export function useElementHeight(ref: RefObject<HTMLElement | null>, remeasureKey: unknown = null): number {
  const [h, setH] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return setH(0);
    const measure = () => setH(el.getBoundingClientRect().height);
    measure();
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [ref, remeasureKey]);
  return h;
}
