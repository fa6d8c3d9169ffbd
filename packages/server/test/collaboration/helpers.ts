import type { LightMyRequestResponse } from 'fastify';
import { PASSWORD, type TestApp } from '../support/test-app';

// Shared fixtures of the collaboration tests: people, tickets and multipart uploads.

let seq = 0;

export async function createStaff(t: TestApp, adminToken: string, name: string, role: 'admin' | 'supervisor' | 'agent' | 'engineer', extra: Record<string, unknown> = {}) {
  const email = `staff${++seq}-${Date.now()}@example.cn`;
  const res = await t.api(adminToken, 'POST', '/api/v1/users', { email, name, role, password: PASSWORD, ...extra });
  if (res.statusCode !== 201) throw new Error(`user not created: ${res.body}`);
  return { id: res.json().id as string, email, name, token: await t.login(email, PASSWORD) };
}

export async function createTicket(t: TestApp, token: string, body: Record<string, unknown>) {
  const res = await t.api(token, 'POST', '/api/v1/tickets', { description: '详情见附件', ...body });
  if (res.statusCode !== 201) throw new Error(`ticket not created: ${res.body}`);
  return res.json() as { id: string; number: number; requesterId: string; title: string; status: string };
}

/** A ticket raised by a customer who can sign in to the portal. */
export async function createCustomer(t: TestApp, adminToken: string, name: string) {
  const email = `kehu${++seq}-${Date.now()}@example.cn`;
  const ticket = await createTicket(t, adminToken, { title: `${name}的报修`, requester: { name, email } });
  const res = await t.api(adminToken, 'POST', '/api/v1/users', { email, name, role: 'customer', contactId: ticket.requesterId, password: PASSWORD });
  if (res.statusCode !== 201) throw new Error(`customer not created: ${res.body}`);
  return { id: res.json().id as string, email, ticket, token: await t.login(email, PASSWORD) };
}

export interface UploadPart {
  name: string;
  value: string | Buffer;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body written by hand (raw UTF-8 file names, as browsers send them). */
export function multipartBody(parts: UploadPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----gongdan${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(t: TestApp, token: string, ticketId: string, parts: UploadPart[]): Promise<LightMyRequestResponse> {
  const { payload, contentType } = multipartBody(parts);
  return t.app.inject({ method: 'POST', url: `/api/v1/tickets/${ticketId}/attachments`, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload });
}

/** A real 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
