import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { wxEncrypt, wxSignature } from '../shared/wx-crypto';

// Callbacks built exactly as the platforms send them (signatures, encryption, headers), for tests and
// for trying a channel locally without the platform.

export interface WxXmlMessage {
  to: string;
  from: string;
  createTime: number;
  msgType: 'text' | 'image' | 'voice' | 'event';
  content?: string;
  mediaId?: string;
  picUrl?: string;
  recognition?: string;
  event?: string;
  msgId?: string;
  agentId?: string;
}

const cdata = (s: string) => `<![CDATA[${s}]]>`;

/** A WeCom / WeChat message as the platform's XML. */
export function wxXml(m: WxXmlMessage): string {
  const parts = [`<ToUserName>${cdata(m.to)}</ToUserName>`, `<FromUserName>${cdata(m.from)}</FromUserName>`, `<CreateTime>${m.createTime}</CreateTime>`, `<MsgType>${cdata(m.msgType)}</MsgType>`];
  if (m.content !== undefined) parts.push(`<Content>${cdata(m.content)}</Content>`);
  if (m.picUrl) parts.push(`<PicUrl>${cdata(m.picUrl)}</PicUrl>`);
  if (m.mediaId) parts.push(`<MediaId>${cdata(m.mediaId)}</MediaId>`);
  if (m.msgType === 'voice') parts.push(`<Format>${cdata('amr')}</Format>`);
  if (m.recognition !== undefined) parts.push(`<Recognition>${cdata(m.recognition)}</Recognition>`);
  if (m.event) parts.push(`<Event>${cdata(m.event)}</Event>`);
  if (m.msgId) parts.push(`<MsgId>${m.msgId}</MsgId>`);
  if (m.agentId) parts.push(`<AgentID>${m.agentId}</AgentID>`);
  return `<xml>${parts.join('')}</xml>`;
}

const nonceOf = () => String(Math.floor(Math.random() * 1e9));

/** WeCom URL verification: the query of the GET (echostr encrypted for the CorpID). */
export function wecomVerifyQuery(o: { token: string; aesKey: string; corpId: string; echo: string; timestamp: number; nonce?: string }): URLSearchParams {
  const nonce = o.nonce ?? nonceOf();
  const echostr = wxEncrypt(o.aesKey, o.corpId, o.echo);
  return new URLSearchParams({ msg_signature: wxSignature(o.token, String(o.timestamp), nonce, echostr), timestamp: String(o.timestamp), nonce, echostr });
}

/** A WeCom / WeChat safe-mode POST: the query (msg_signature, timestamp, nonce) and the <Encrypt> envelope. */
export function wxEncryptedPost(o: { token: string; aesKey: string; receiveId: string; xml: string; timestamp: number; nonce?: string; agentId?: string; plainSignature?: boolean }): { query: URLSearchParams; body: string } {
  const nonce = o.nonce ?? nonceOf();
  const encrypt = wxEncrypt(o.aesKey, o.receiveId, o.xml);
  const ts = String(o.timestamp);
  const query = new URLSearchParams({ msg_signature: wxSignature(o.token, ts, nonce, encrypt), timestamp: ts, nonce });
  if (o.plainSignature) {
    query.set('signature', wxSignature(o.token, ts, nonce));
    query.set('encrypt_type', 'aes');
  }
  const agent = o.agentId ? `<AgentID>${cdata(o.agentId)}</AgentID>` : '';
  return { query, body: `<xml><ToUserName>${cdata(o.receiveId)}</ToUserName><Encrypt>${cdata(encrypt)}</Encrypt>${agent}</xml>` };
}

/** A WeChat Official Account plain-mode request's query (signature over token, timestamp, nonce). */
export function wechatPlainQuery(o: { token: string; timestamp: number; nonce?: string; echostr?: string }): URLSearchParams {
  const nonce = o.nonce ?? nonceOf();
  const q = new URLSearchParams({ signature: wxSignature(o.token, String(o.timestamp), nonce), timestamp: String(o.timestamp), nonce });
  if (o.echostr) q.set('echostr', o.echostr);
  return q;
}

/** DingTalk robot callback headers: timestamp (ms) and sign = base64(HmacSHA256(timestamp + "\n" + appSecret)). */
export function dingtalkHeaders(appSecret: string, timestampMs: number): Record<string, string> {
  const ts = String(timestampMs);
  return { timestamp: ts, sign: createHmac('sha256', appSecret).update(`${ts}\n${appSecret}`).digest('base64'), 'content-type': 'application/json; charset=utf-8' };
}

/** Feishu's Encrypt Key encryption: AES-256-CBC, key sha256(encryptKey), a random IV prefixed to the ciphertext, base64. */
export function feishuEncrypt(encryptKey: string, plaintext: string): string {
  const key = createHash('sha256').update(encryptKey).digest();
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, c.update(plaintext, 'utf8'), c.final()]).toString('base64');
}

/** A Feishu event request: the body (encrypted when an Encrypt Key is set) and the X-Lark signature headers. */
export function feishuPost(o: { encryptKey?: string; payload: unknown; timestamp: number; nonce?: string }): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(o.encryptKey ? { encrypt: feishuEncrypt(o.encryptKey, JSON.stringify(o.payload)) } : o.payload);
  const nonce = o.nonce ?? nonceOf();
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (o.encryptKey) {
    headers['x-lark-request-timestamp'] = String(o.timestamp);
    headers['x-lark-request-nonce'] = nonce;
    headers['x-lark-signature'] = createHash('sha256').update(`${o.timestamp}${nonce}${o.encryptKey}${body}`).digest('hex');
  }
  return { headers, body };
}
