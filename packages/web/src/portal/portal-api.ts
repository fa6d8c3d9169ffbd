import type { PortalTexts } from '../i18n/portal.zh-CN';

// The portal's own small client (no console code: the page stays a small chunk).
export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A JSON body, or a multipart form (files as they are: the browser sets its content type and boundary). */
export async function portalCall<T>(slug: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const form = body instanceof FormData;
  const res = await fetch(`/api/v1/portal/${encodeURIComponent(slug)}${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined || form ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
  const data = res.status === 204 ? {} : await res.json().catch(() => ({}));
  if (!res.ok) throw new PortalError(res.status, data?.error?.code ?? 'NETWORK', data?.error?.message ?? res.statusText, data?.error?.field);
  return data as T;
}

export interface PortalField { key: string; kind: string; labelZh: string; labelEn: string; required: boolean; options: { value: string; labelZh: string; labelEn: string }[] }
export interface PortalConfig {
  slug: string; name: string; title: string; logoUrl: string | null; primaryColor: string; defaultLocale: 'zh-CN' | 'en-US';
  canSubmit: boolean; token: string | null; minFillSeconds: number;
  categories: { id: string; nameZh: string; nameEn: string; typeId: string | null; fields: PortalField[] }[];
}
export interface TrackedFile { id: string; filename: string; contentType: string; size: number }
export interface Tracked {
  number: number | null; reference: string; title: string | null; status: string; statusText: string;
  expected: { text: string } | null; visit: { windowStart: string; windowEnd: string; text: string } | null; canConfirm: boolean; canReopen: boolean; canReply: boolean;
  messages: { id: string; from: 'agent' | 'customer'; authorName: string | null; text: string; at: string; files: TrackedFile[] }[];
  files: TrackedFile[];
  survey: { id: string; open: boolean; answer: { score: number; comment: string | null } | null } | null;
}

/** The portal's file limits (the server checks them again): five files, 10 MB each, 20 MB together. */
export const FILE_LIMITS = { count: 5, each: 10 * 1048576, total: 20 * 1048576 };

/** Picked files over the limits, before any byte is sent (a phone on mobile data is spared the upload). */
export const filesTooLarge = (files: File[]) => files.some((f) => f.size > FILE_LIMITS.each) || files.reduce((n, f) => n + f.size, 0) > FILE_LIMITS.total;

/**
 * A form as multipart/form-data: text fields as they are, objects (customFields) as JSON text, the files
 * as parts named "files" (the server reads it into the same body as the JSON form).
 */
export function multipartForm(fields: Record<string, unknown>, files: File[]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || v === '') continue;
    form.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  for (const f of files) form.append('files', f, f.name);
  return form;
}

/** A failure in the customer's words: the file limits, too many tries, else the server's sentence. */
export function failureText(err: unknown, t: PortalTexts): string {
  const e = err as PortalError;
  if (e.code === 'ATTACHMENT_TOO_LARGE' || e.status === 413) return t.fileTooLarge;
  if (e.code === 'ATTACHMENT_TYPE_NOT_ALLOWED') return t.fileType;
  if (e.status === 429) return t.tooMany;
  return t.error + (e.message ?? '');
}

/** This visitor's portal session id (random, kept for the tab's life): the deflection rate counts sessions. */
export function visitorSession(): string {
  let id = sessionStorage.getItem('gd-portal-session');
  if (!id) {
    id = `ps-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
    sessionStorage.setItem('gd-portal-session', id);
  }
  return id;
}

export type Locale = 'zh-CN' | 'en-US';
/** What every part of the portal page gets: the tenant's portal, its texts in the chosen language. */
export interface PortalCtx { slug: string; config: PortalConfig; t: PortalTexts; locale: Locale }
