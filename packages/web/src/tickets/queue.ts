// The ticket ids of the list the agent last worked in, so the detail page can go to the next
// (j) and previous (k) ticket of that list.

const KEY = 'gongdan.queue';

export interface Queue {
  ids: string[];
  /** The list's URL search, to return to it. */
  search: string;
}

export function saveQueue(q: Queue) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(q));
  } catch {
    /* storage full or off: j/k simply do nothing */
  }
}

export function loadQueue(): Queue | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Queue) : null;
  } catch {
    return null;
  }
}

/** The ticket next to id in the queue (+1 next, -1 previous), or null at either end. */
export function neighbour(q: Queue | null, id: string, step: 1 | -1): string | null {
  if (!q) return null;
  const i = q.ids.indexOf(id);
  if (i < 0) return null;
  return q.ids[i + step] ?? null;
}
