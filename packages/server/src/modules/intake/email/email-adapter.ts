import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { Deps } from '../../../platform/deps';
import { toStorableText } from '../../../platform/text/storable-text';
import { channelRepository } from '../channel-repository';
import { PermanentIntakeError, type ChannelAdapter, type ChannelConfig, type InboundRow, type ParseResult } from '../intake-types';
import { attachmentType, bareAddress, cleanSubject, ignoreReason, normalizeMessageId, rawHeaders, threadKey, threadKeysOf, ticketNumberOf } from './email-rules';
import { stripQuotedHtml, stripQuotedText } from './quote-rules';

const firstAddress = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value.find((v) => v.address);

const headerText = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : undefined);

/** The tenant's own mail addresses (its mailboxes and MAIL_FROM), cached briefly: mail from them is a loop. */
function ownAddressCache(ttlMs = 30_000) {
  const cache = new Map<string, { at: number; addresses: string[] }>();
  return async (deps: Deps, tenantId: string, mailFrom: string): Promise<string[]> => {
    const now = Date.now();
    const hit = cache.get(tenantId);
    if (hit && now - hit.at < ttlMs) return hit.addresses;
    const channels = await deps.db.tenant(tenantId, (q) => channelRepository.list(q, 'email'));
    const addresses = [...channels.flatMap((c) => [c.address, typeof c.settings.from === 'string' ? c.settings.from : '']), mailFrom]
      .map(bareAddress)
      .filter((a) => a.includes('@') && !a.startsWith('@'));
    cache.set(tenantId, { at: now, addresses });
    return addresses;
  };
}

async function parseRaw(raw: Buffer): Promise<ParsedMail> {
  if (rawHeaders(raw).size === 0) throw new PermanentIntakeError('MALFORMED_MAIL', 'The message has no mail header section (From, Subject…): it is not an RFC 5322 mail');
  try {
    return await simpleParser(raw, { keepCidLinks: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  } catch (err) {
    throw new PermanentIntakeError('MALFORMED_MAIL', `The mail could not be read as MIME: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Reads a stored mail: a bounce, auto-reply or loop is ignored; otherwise its sender, subject, new
 * words (quoted history and signature stripped; the original stays archived), attachments, the keys
 * of the mails it answers and a ticket number its subject quotes.
 */
export function emailAdapter(o: { mailFrom: () => string }): ChannelAdapter {
  const ownAddresses = ownAddressCache();
  return {
    channel: 'email',
    async parse(row: InboundRow, ctx: { deps: Deps; channel: ChannelConfig | null }): Promise<ParseResult> {
      const mail = await parseRaw(row.raw);
      const from = firstAddress(mail.from);
      const headers = new Map<string, string[]>();
      for (const l of mail.headerLines) headers.set(l.key, [...(headers.get(l.key) ?? []), l.line.slice(l.line.indexOf(':') + 1).trim()]);
      const envelopeFrom = typeof row.meta.mailFrom === 'string' ? row.meta.mailFrom : undefined;
      const reason = ignoreReason({
        headers,
        from: from?.address ?? '',
        subject: mail.subject ?? '',
        mailFrom: envelopeFrom,
        contentType: headers.get('content-type')?.[0] ?? 'text/plain',
        ownAddresses: [...(await ownAddresses(ctx.deps, row.tenantId, o.mailFrom())), ...(ctx.channel?.address ? [ctx.channel.address] : [])],
      });
      if (reason) return { kind: 'ignore', reason };

      const email = toStorableText(from?.address ? bareAddress(from.address) : envelopeFrom ? bareAddress(envelopeFrom) : '');
      if (!email) throw new PermanentIntakeError('MALFORMED_MAIL', 'The mail names no sender address (neither a From header nor an envelope sender): nobody to open a ticket for');
      const own = normalizeMessageId(mail.messageId) ?? (row.externalId && !row.externalId.startsWith('local:') ? row.externalId : null);
      const text = stripQuotedText(mail.text ?? '');
      const html = mail.html ? (stripQuotedHtml(mail.html) ?? undefined) : undefined;
      // A customer's mail is never refused for a stray NUL or a broken character (an SMTP refusal would
      // bounce it, and a call centre loses the request): the archived original keeps the bytes as they
      // came, and the text that becomes the ticket is cleaned (NUL removed, a lone surrogate → U+FFFD).
      const clean = (v: string | undefined) => (v === undefined ? undefined : toStorableText(v));
      return {
        kind: 'message',
        message: {
          sender: { name: clean(from?.name) || undefined, email },
          subject: clean(cleanSubject(mail.subject)) || undefined,
          text: toStorableText(text),
          html: clean(html),
          attachments: mail.attachments
            .filter((a) => a.contentType !== 'message/delivery-status')
            .map((a) => ({ filename: toStorableText(a.filename ?? ''), contentType: toStorableText(attachmentType(a.filename ?? '', a.contentType)), content: a.content })),
          threadKeys: threadKeysOf(headerText(mail.headers.get('in-reply-to')), headerText(mail.headers.get('references'))).map(toStorableText),
          ownKeys: own ? [toStorableText(threadKey(own))] : [],
          ticketNumber: ticketNumberOf(mail.subject),
        },
      };
    },
  };
}
