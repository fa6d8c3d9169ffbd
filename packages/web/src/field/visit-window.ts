import dayjs from 'dayjs';

// A visit's time window as the console and the phone write it (预约上门, the timeline).

export interface VisitWindow {
  start: string;
  end: string | null;
}

/** "12-07 09:00–10:30" (the end's date too when it is another day). */
export function windowText(w: VisitWindow): string {
  const start = dayjs(w.start);
  if (!w.end) return start.format('MM-DD HH:mm');
  const end = dayjs(w.end);
  return `${start.format('MM-DD HH:mm')}–${end.format(end.isSame(start, 'day') ? 'HH:mm' : 'MM-DD HH:mm')}`;
}
