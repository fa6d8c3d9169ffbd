import { describe, expect, it } from 'vitest';
import { attachmentType, bareAddress, cleanSubject, externalIdOf, ignoreReason, mailHeadline, messageIdsOf, rawHeaders, threadKeysOf, ticketNumberOf, type MailFacts } from './email-rules';

const facts = (o: Partial<MailFacts> & { h?: Record<string, string> }): MailFacts => ({
  headers: new Map(Object.entries(o.h ?? {}).map(([k, v]) => [k.toLowerCase(), [v]])),
  from: o.from ?? '王芳 <wangfang@example.cn>',
  subject: o.subject ?? '打印机卡纸',
  mailFrom: o.mailFrom ?? 'wangfang@example.cn',
  contentType: o.contentType ?? 'text/plain; charset=utf-8',
  ownAddresses: o.ownAddresses ?? ['kefu@gongdan.example.cn'],
});

describe('email rules', () => {
  it('reads thread keys most specific first: In-Reply-To, then References newest first', () => {
    expect(threadKeysOf('<C@mail.example.cn>', '<a@x.cn> <b@x.cn>\r\n <C@mail.example.cn>')).toEqual(['email:C@mail.example.cn', 'email:b@x.cn', 'email:a@x.cn']);
    expect(threadKeysOf(undefined, undefined)).toEqual([]);
    expect(messageIdsOf('bare-id@example.cn')).toEqual(['bare-id@example.cn']);
  });

  it('finds a quoted ticket number in a subject, not any number', () => {
    expect(ticketNumberOf('Re: [#1234] 打印机卡纸')).toBe(1234);
    expect(ticketNumberOf('回复：工单 #88 的进展')).toBe(88);
    expect(ticketNumberOf('工单号：1024 还没处理')).toBe(1024);
    expect(ticketNumberOf('关于 #77 的问题')).toBe(77);
    expect(ticketNumberOf('三楼 302 室的空调')).toBeUndefined();
    expect(ticketNumberOf('C#5 编译错误')).toBeUndefined();
  });

  it('cleans reply prefixes of Chinese and English clients from a title', () => {
    expect(cleanSubject('Re: 回复：RE: [#12] 打印机卡纸')).toBe('打印机卡纸');
    expect(cleanSubject('转发: Fwd: 发票问题')).toBe('发票问题');
    expect(cleanSubject('  报修   三楼  ')).toBe('报修 三楼');
  });

  it('recognises auto-replies, bounces, bulk mail and loops; a customer writing about them is not one', () => {
    expect(ignoreReason(facts({}))).toBeNull();
    expect(ignoreReason(facts({ h: { 'Auto-Submitted': 'auto-replied' } }))).toBe('auto_reply');
    expect(ignoreReason(facts({ h: { 'Auto-Submitted': 'no' } }))).toBeNull();
    expect(ignoreReason(facts({ h: { 'X-Autoreply': 'yes' } }))).toBe('auto_reply');
    expect(ignoreReason(facts({ h: { 'X-Autorespond': 'yes' } }))).toBe('auto_reply');
    expect(ignoreReason(facts({ h: { Precedence: 'auto_reply' } }))).toBe('auto_reply');
    expect(ignoreReason(facts({ h: { Precedence: 'bulk' } }))).toBe('bulk');
    expect(ignoreReason(facts({ h: { Precedence: 'list' } }))).toBe('bulk');
    expect(ignoreReason(facts({ subject: '自动回复：打印机卡纸' }))).toBe('auto_reply');
    expect(ignoreReason(facts({ subject: '【自动回复】您好，我正在休假' }))).toBe('auto_reply');
    expect(ignoreReason(facts({ subject: 'Out of Office: printer' }))).toBe('auto_reply');
    expect(ignoreReason(facts({ subject: 'Automatic reply: 打印机' }))).toBe('auto_reply');
    expect(ignoreReason(facts({ subject: '自动回复功能不工作了' }))).toBeNull();
    expect(ignoreReason(facts({ contentType: 'multipart/report; report-type=delivery-status; boundary="x"' }))).toBe('bounce');
    expect(ignoreReason(facts({ contentType: 'multipart/report; report-type=disposition-notification' }))).toBe('read_receipt');
    expect(ignoreReason(facts({ from: 'MAILER-DAEMON@mx.example.cn' }))).toBe('bounce');
    expect(ignoreReason(facts({ mailFrom: '' }))).toBe('bounce');
    expect(ignoreReason(facts({ from: 'Postmaster <postmaster@163.com>', subject: '系统退信' }))).toBe('bounce');
    expect(ignoreReason(facts({ subject: '我发给你们的邮件总是退信' }))).toBeNull();
    expect(ignoreReason(facts({ h: { 'X-Gongdan-Loop': 't1' } }))).toBe('loop');
    expect(ignoreReason(facts({ from: '客服 <KEFU@gongdan.example.cn>' }))).toBe('loop');
  });

  it('reads raw headers unfolded and keys a mail by its Message-ID, else by a hash of its bytes', () => {
    const raw = Buffer.from('Subject: =?UTF-8?B?5omT5Y2w5py6?=\r\nMessage-ID:\r\n <AbC@Example.cn>\r\n\r\nbody\r\n');
    expect(rawHeaders(raw).get('subject')).toEqual(['=?UTF-8?B?5omT5Y2w5py6?=']);
    expect(externalIdOf(raw)).toBe('AbC@Example.cn');
    expect(externalIdOf(Buffer.from('Subject: x\n\nno id\n'))).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(bareAddress('"王芳" <WangFang@Example.cn>')).toBe('wangfang@example.cn');
    expect(bareAddress('<>')).toBe('');
  });

  it('names the type of an application/octet-stream attachment by its extension', () => {
    expect(attachmentType('设备清单.csv', 'application/octet-stream')).toBe('text/csv');
    expect(attachmentType('故障照片.JPG', undefined)).toBe('image/jpeg');
    expect(attachmentType('报告.pdf', 'application/pdf; name="x"')).toBe('application/pdf');
    expect(attachmentType('未知', 'application/octet-stream')).toBe('application/octet-stream');
  });
});

describe('mailHeadline', () => {
  it('reads sender and subject from the header section: encoded words (GB2312 base64, UTF-8 Q) and 8-bit UTF-8', () => {
    const wangFangGb2312 = Buffer.from([0xcd, 0xf5, 0xb7, 0xbc]).toString('base64');
    const gb = Buffer.from(`From: =?GB2312?B?${wangFangGb2312}?= <wangfang@example.cn>\r\nSubject: =?UTF-8?Q?=E6=89=93=E5=8D=B0=E6=9C=BA_?=\r\n =?UTF-8?B?${Buffer.from('卡纸').toString('base64')}?=\r\n\r\nbody`);
    expect(mailHeadline(gb)).toEqual({ from: '王芳 <wangfang@example.cn>', subject: '打印机 卡纸' });
    expect(mailHeadline(Buffer.from('From: 李强 <liqiang@example.cn>\nSubject: 三楼会议室投影仪无法开机\n\n正文'))).toEqual({ from: '李强 <liqiang@example.cn>', subject: '三楼会议室投影仪无法开机' });
    expect(mailHeadline(Buffer.from('no header here'))).toEqual({ from: '', subject: '' });
  });
});
