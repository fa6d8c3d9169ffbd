import { PermanentIntakeError, type ChannelAdapter, type NormalizedMessage } from '../intake-types';

/** What a stored web form submission holds (the raw JSON of inbound_messages). */
export interface StoredSubmission {
  name: string;
  email?: string;
  phone?: string;
  title: string;
  description: string;
  categoryId?: string;
  fields?: Record<string, string | number | boolean>;
  /** from the self-service portal: the ticket type of the chosen form and its custom fields (checked before storing) */
  typeId?: string;
  customFields?: Record<string, unknown>;
  /** from the self-service portal: the asset whose QR code was scanned (扫码报修) */
  assetId?: string;
  /** from the self-service portal: files sent with the request (base64) */
  attachments?: { filename: string; contentType: string; base64: string }[];
}

export function submissionMessage(s: StoredSubmission): NormalizedMessage {
  const extra = Object.entries(s.fields ?? {}).map(([k, v]) => `${k}: ${String(v)}`);
  return {
    sender: { name: s.name, email: s.email, phone: s.phone },
    subject: s.title,
    text: extra.length ? `${s.description}\n\n${extra.join('\n')}` : s.description,
    ticket: s.categoryId || s.typeId || s.customFields || s.assetId ? { categoryId: s.categoryId, typeId: s.typeId, customFields: s.customFields, assetId: s.assetId } : undefined,
    attachments: s.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.base64, 'base64') })),
  };
}

/** Reads stored web form submissions: each opens a ticket. */
export const webAdapter: ChannelAdapter = {
  channel: 'web',
  parse(row) {
    let s: StoredSubmission;
    try {
      s = JSON.parse(row.raw.toString('utf8'));
    } catch {
      throw new PermanentIntakeError('MALFORMED', 'The stored submission is not JSON');
    }
    if (!s?.name || !s.title || !s.description) throw new PermanentIntakeError('MALFORMED', 'The stored submission lacks name, title or description');
    return { kind: 'message', message: submissionMessage(s) };
  },
};
