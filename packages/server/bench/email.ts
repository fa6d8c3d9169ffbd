import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { DETAILS, DEVICES, GIVEN, PLACES, PROBLEMS, SURNAMES, pick, seededRng, type Rng } from './lib/texts';
import { adminApiKey, adminQuery, api, emit, freePort, freshDatabase, log, postgresServerUrl, processCpuMs, removeDir, round, startServer, tempDir } from './lib/server';

// Mail intake over SMTP: several concurrent clients (nodemailer pooled transports, one connection
// each) send N mails to the server's built-in listener; about a fifth answer an earlier mail of the
// same sender (In-Reply-To), the rest are new. Measured: mails acknowledged (250) per second over
// SMTP, then the time until the intake worker has processed every one. Verified: every mail is
// stored and became a ticket (new mails) or a comment (replies): none lost, none quarantined.

export interface EmailBenchOptions {
  db: 'pglite' | 'postgres';
  messages: number;
  clients: number;
  /** share of mails that reply to an earlier mail of the same sender */
  replies: number;
  databaseUrl?: string;
  keep: boolean;
  timeoutS: number;
}

const DOMAIN = 'bench.example.cn';

interface Sent {
  id: string;
  subject: string;
}

function newMail(rng: Rng, client: number, i: number) {
  const name = pick(rng, SURNAMES) + pick(rng, GIVEN);
  const subject = `${pick(rng, PLACES)}的${pick(rng, DEVICES)}${pick(rng, PROBLEMS)}`;
  return { name, subject, text: `您好：\n\n${pick(rng, DETAILS)}\n\n${name}\n\n发自我的iPhone\n`, id: `bench-${client}-${i}-${randomBytes(4).toString('hex')}@client.example.cn` };
}

async function sendWithRetry(t: Transporter, mail: SendMailOptions): Promise<'ok' | 'refused'> {
  for (let attempt = 1; ; attempt++) {
    try {
      await t.sendMail(mail);
      return 'ok';
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode ?? 0;
      if ((code >= 500 && code < 600) || attempt >= 5) {
        log(`email: mail refused (${code}): ${(err as Error).message}`);
        return 'refused';
      }
      await new Promise((r) => setTimeout(r, 100 * attempt)); // 4xx or a dropped connection: try again, as a mail server would
    }
  }
}

/** One client: its share of the mails, one at a time on one pooled connection; replies answer its own earlier mails. */
async function runClient(o: { port: number; client: number; count: number; replies: number; seed: number }) {
  const rng = seededRng(o.seed);
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: o.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 1, maxMessages: Infinity });
  const senders = new Map<string, Sent[]>();
  const stats = { sent: 0, replies: 0, refused: 0 };
  try {
    for (let i = 0; i < o.count; i++) {
      const people = [...senders.keys()];
      const reply = people.length > 10 && rng() < o.replies;
      let mail: SendMailOptions;
      const to = `kefu@${DOMAIN}`;
      if (reply) {
        const from = pick(rng, people);
        const thread = senders.get(from)!;
        const parent = thread[thread.length - 1];
        const id = `bench-${o.client}-${i}-r-${randomBytes(4).toString('hex')}@client.example.cn`;
        mail = { from, to, subject: `回复：${parent.subject}`, text: `还是没有解决，请再看一下。\n\n在 2026年3月2日 10:00，客服中心 写道：\n> 已安排处理`, messageId: `<${id}>`, inReplyTo: `<${parent.id}>`, references: thread.map((s) => `<${s.id}>`) };
        thread.push({ id, subject: parent.subject });
      } else {
        const m = newMail(rng, o.client, i);
        const from = `${m.name} <c${o.client}-${i}@customer.example.cn>`;
        mail = { from, to, subject: m.subject, text: m.text, messageId: `<${m.id}>` };
        senders.set(from, [{ id: m.id, subject: m.subject }]);
      }
      const r = await sendWithRetry(t, mail);
      if (r === 'refused') stats.refused++;
      else if (reply) stats.replies++;
      else stats.sent++;
    }
  } finally {
    t.close();
  }
  return stats;
}

export async function benchEmail(o: EmailBenchOptions): Promise<void> {
  let dataDir: string | undefined;
  let dbName: string | undefined;
  let serverUrl: string | undefined;
  let databaseUrl: string | undefined;
  if (o.db === 'postgres') {
    serverUrl = await postgresServerUrl(o.databaseUrl);
    dbName = `gongdan_bench_email_${randomBytes(3).toString('hex')}`;
    databaseUrl = await freshDatabase(serverUrl, dbName);
  } else dataDir = tempDir('gongdan-bench-email-');
  const smtpPort = await freePort();
  log(`email: starting the server on ${o.db} with the SMTP listener on 127.0.0.1:${smtpPort}`);
  const server = await startServer({ dataDir, databaseUrl, env: { SMTP_PORT: String(smtpPort), SMTP_HOST: '127.0.0.1', INTAKE_POLL_MS: '500' } });
  try {
    const key = await adminApiKey(server.url);
    const ch = await api(server.url, key, 'POST', '/api/v1/channels', { kind: 'email', name: '压测邮箱', address: `@${DOMAIN}` });
    if (ch.status !== 201) throw new Error(`creating the mailbox channel failed: ${ch.status} ${JSON.stringify(ch.body)}`);

    log(`email: ${o.messages} mails from ${o.clients} clients`);
    const cpu0 = processCpuMs(server.proc.pid!);
    const t0 = performance.now();
    const per = (c: number) => Math.floor(o.messages / o.clients) + (c < o.messages % o.clients ? 1 : 0);
    const results = await Promise.all(Array.from({ length: o.clients }, (_, c) => runClient({ port: smtpPort, client: c, count: per(c), replies: o.replies, seed: 1000 + c })));
    const acceptedS = (performance.now() - t0) / 1000;
    const sent = results.reduce((a, r) => a + r.sent, 0);
    const replies = results.reduce((a, r) => a + r.replies, 0);
    const refused = results.reduce((a, r) => a + r.refused, 0);
    emit({ bench: 'email.smtp', db: o.db, load_avg_1m: round(loadavg()[0], 1), clients: o.clients, mails: o.messages, accepted: sent + replies, refused, seconds: round(acceptedS, 2), accepted_per_s: round((sent + replies) / acceptedS, 0) });

    // wait until the worker has handled every stored mail
    let counts: Record<string, number> = {};
    let last = -1;
    let lastChange = performance.now();
    for (;;) {
      counts = (await api<{ counts: Record<string, number> }>(server.url, key, 'GET', '/api/v1/intake/messages?limit=1')).body.counts;
      const done = (counts.processed ?? 0) + (counts.ignored ?? 0) + (counts.quarantined ?? 0);
      if (done >= sent + replies) break;
      if (done !== last) {
        last = done;
        lastChange = performance.now();
      }
      if (performance.now() - lastChange > 60_000 || performance.now() - t0 > o.timeoutS * 1000) {
        log(`email: giving up waiting: ${JSON.stringify(counts)}`);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const allS = (performance.now() - t0) / 1000;
    const serverCpuMs = processCpuMs(server.proc.pid!) - cpu0;
    const tickets = (await api<{ count: number }>(server.url, key, 'GET', '/api/v1/tickets/count?channel=email')).body.count;
    const processed = counts.processed ?? 0;
    emit({
      bench: 'email.processed',
      db: o.db,
      seconds_until_all_processed: round(allS, 2),
      processed_per_s: round(processed / allS, 0),
      server_cpu_ms_per_mail: round(serverCpuMs / Math.max(1, processed), 2),
      counts,
    });
    const comments = processed - tickets;
    const ok = refused === 0 && tickets === sent && comments === replies && (counts.quarantined ?? 0) === 0 && (counts.pending ?? 0) === 0;
    emit({ bench: 'email.verify', db: o.db, sent_new: sent, sent_replies: replies, tickets, comments, quarantined: counts.quarantined ?? 0, ignored: counts.ignored ?? 0, lost: sent + replies - processed - (counts.ignored ?? 0) - (counts.quarantined ?? 0), ok });
    if (!ok) process.exitCode = 1;
  } catch (err) {
    log(server.output());
    throw err;
  } finally {
    await server.stop();
    if (dataDir && !o.keep) removeDir(dataDir);
    if (serverUrl && dbName && !o.keep) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}
