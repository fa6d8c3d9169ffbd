import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../support/intake-app';

// Real mail parts for the email tests: Debian's swaks as the SMTP client, an smtp-server instance on
// 127.0.0.1 standing in for the outgoing relay, and .eml fixtures in Chinese encodings.

export interface SwaksResult {
  code: number;
  out: string;
}

/** Runs swaks against the listener; the transcript shows the server's answers ("<~ 250 …", "<** 550 …"). */
export function swaks(port: number, args: string[]): Promise<SwaksResult> {
  return new Promise((resolve) => {
    execFile('swaks', ['--server', '127.0.0.1', '--port', String(port), '--helo', 'client.example.cn', '--timeout', '20', ...args], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

/** A fixture .eml of test/intake/email/fixtures (real client formats in GBK / GB18030). */
export const fixture = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name));

const dir = mkdtempSync(join(tmpdir(), 'gongdan-eml-'));
let n = 0;

/** Sends a whole .eml (headers and body as given) with `swaks --data file.eml`. */
export function swaksEml(port: number, eml: string | Buffer, envelope: { from: string; to: string | string[] }, extra: string[] = []): Promise<SwaksResult> {
  const file = join(dir, `m${++n}.eml`);
  writeFileSync(file, eml);
  const to = Array.isArray(envelope.to) ? envelope.to.join(',') : envelope.to;
  return swaks(port, ['--from', envelope.from, '--to', to, '--data', file, ...extra]);
}

const b64 = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\r\n');

/** A plain UTF-8 mail, optionally answering earlier ones. */
export function utf8Mail(o: { from: string; to: string; subject: string; body: string; messageId?: string; inReplyTo?: string; references?: string[]; headers?: Record<string, string> }): string {
  const h = [
    `From: ${o.from}`,
    `To: ${o.to}`,
    `Subject: =?UTF-8?B?${Buffer.from(o.subject).toString('base64')}?=`,
    ...(o.messageId ? [`Message-ID: <${o.messageId}>`] : []),
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`] : []),
    ...(o.references?.length ? [`References: ${o.references.map((r) => `<${r}>`).join(' ')}`] : []),
    ...Object.entries(o.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'Date: Mon, 2 Mar 2026 10:00:00 +0800',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
  ];
  return `${h.join('\r\n')}\r\n\r\n${b64(Buffer.from(o.body))}\r\n`;
}

export interface StandInRelay {
  port: number;
  url: string;
  received: { envelope: { from: string; to: string[] }; raw: Buffer; mail: ParsedMail }[];
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 standing in for the outgoing relay: it keeps and parses every mail sent to it. */
export async function startStandInRelay(o: { reject?: (to: string) => boolean } = {}): Promise<StandInRelay> {
  const received: StandInRelay['received'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onAuth: (_auth, _session, cb) => cb(null, { user: 'relay' }),
    onRcptTo(address, _s, cb) {
      if (o.reject?.(address.address)) return cb(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        received.push({ envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) }, raw, mail: await simpleParser(raw) });
        cb();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return { port, url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((r) => server.close(() => r())) };
}
