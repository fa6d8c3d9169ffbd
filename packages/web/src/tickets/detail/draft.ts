import { useCallback, useEffect, useState } from 'react';

// The reply being written, kept in localStorage per ticket on every keystroke, so neither a
// reload nor a failed request loses it. Cleared only when the server has accepted the reply.

export interface Draft {
  body: string;
  internal: boolean;
  mentions: { id: string; name: string }[];
  files: { id: string; filename: string }[];
}

export const emptyDraft = (): Draft => ({ body: '', internal: false, mentions: [], files: [] });
const key = (ticketId: string) => `gongdan.draft.${ticketId}`;
const isEmpty = (d: Draft) => !d.body.trim() && !d.files.length;

export function loadDraft(ticketId: string): Draft {
  try {
    const raw = localStorage.getItem(key(ticketId));
    if (!raw) return emptyDraft();
    const d = JSON.parse(raw) as Partial<Draft>;
    return { body: String(d.body ?? ''), internal: !!d.internal, mentions: Array.isArray(d.mentions) ? d.mentions : [], files: Array.isArray(d.files) ? d.files : [] };
  } catch {
    return emptyDraft();
  }
}

export function saveDraft(ticketId: string, d: Draft) {
  try {
    // the mode alone is not worth keeping; an empty draft is removed
    if (isEmpty(d)) localStorage.removeItem(key(ticketId));
    else localStorage.setItem(key(ticketId), JSON.stringify({ ...d, savedAt: new Date().toISOString() }));
  } catch {
    /* storage full or disabled: the draft lives as long as the page */
  }
}

export function clearDraft(ticketId: string) {
  try {
    localStorage.removeItem(key(ticketId));
  } catch {
    /* nothing to clear */
  }
}

/** The draft of one ticket as React state, written through to localStorage. */
export function useDraft(ticketId: string) {
  const [draft, setDraftState] = useState<Draft>(() => loadDraft(ticketId));
  useEffect(() => setDraftState(loadDraft(ticketId)), [ticketId]);
  const setDraft = useCallback(
    (update: Partial<Draft> | ((d: Draft) => Draft)) =>
      setDraftState((prev) => {
        const next = typeof update === 'function' ? update(prev) : { ...prev, ...update };
        saveDraft(ticketId, next);
        return next;
      }),
    [ticketId],
  );
  const clear = useCallback(() => {
    clearDraft(ticketId);
    setDraftState((prev) => ({ ...emptyDraft(), internal: prev.internal }));
  }, [ticketId]);
  return { draft, setDraft, clear };
}

/** Plain text typed by the agent as the HTML the comment API stores. */
export function textToHtml(text: string): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return esc
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** HTML (a reply template) as plain text for the editor, without running anything in it. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  const doc = new DOMParser().parseFromString(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*<p>/gi, '\n\n'), 'text/html');
  return doc.body.textContent ?? '';
}

/** The mentioned people whose @name is still in the text. */
export const activeMentions = (d: Draft) => d.mentions.filter((m) => d.body.includes(`@${m.name}`));
