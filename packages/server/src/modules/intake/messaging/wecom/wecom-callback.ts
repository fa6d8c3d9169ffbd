import { CallbackRejected, checkTimestamp } from '../shared/callback-rejected';
import { required, type CallbackRequest, type CallbackResult, type PlatformCallback } from '../shared/callback-types';
import { signatureMatches, wxDecrypt, wxSignature } from '../shared/wx-crypto';
import { wxExternalId } from '../shared/wx-message';
import { field, parseWxXml } from '../shared/xml';

export const WECOM_DEFAULT_BASE_URL = 'https://qyapi.weixin.qq.com';
/** how far a callback's timestamp may be from the server's clock */
export const WECOM_WINDOW_MS = 5 * 60_000;

function checked(token: string, req: CallbackRequest, encrypted: string, now: Date, windowMs: number): void {
  const { msg_signature: sig, timestamp, nonce } = req.query;
  if (!sig || !timestamp || !nonce) throw new CallbackRejected(401, 'SIGNATURE_MISSING', 'msg_signature, timestamp and nonce are required in the query');
  if (!signatureMatches(wxSignature(token, timestamp, nonce, encrypted), sig)) throw new CallbackRejected(401, 'SIGNATURE_INVALID', 'msg_signature does not match: the request is not from WeCom, or the channel\'s Token is wrong');
  checkTimestamp(timestamp, now, windowMs, 's');
}

/**
 * WeCom (企业微信) app callbacks (回调配置): GET verifies the URL (msg_signature over the encrypted
 * echostr, whose plaintext is the answer); POST carries an <Encrypt>ed message for the CorpID, whose
 * plaintext XML is stored and answered with an empty 200.
 */
export const wecomCallback: PlatformCallback = {
  platform: 'wecom',
  get(ch, req, now): CallbackResult {
    const token = required(ch.secrets, 'token', 'secrets');
    const echostr = req.query.echostr;
    if (!echostr) throw new CallbackRejected(400, 'ECHOSTR_MISSING', 'echostr is required to verify the URL');
    checked(token, req, echostr, now, windowOf(ch.settings));
    const plain = wxDecrypt(required(ch.secrets, 'encodingAesKey', 'secrets'), required(ch.settings, 'corpId', 'settings'), echostr);
    return { kind: 'answer', contentType: 'text/plain; charset=utf-8', body: plain };
  },
  post(ch, req, now): CallbackResult {
    const token = required(ch.secrets, 'token', 'secrets');
    const corpId = required(ch.settings, 'corpId', 'settings');
    const outer = parseWxXml(req.body.toString('utf8'));
    const encrypted = outer ? field(outer, 'Encrypt') : '';
    if (!encrypted) throw new CallbackRejected(400, 'MALFORMED_XML', 'The body must be WeCom callback XML with an <Encrypt> element');
    checked(token, req, encrypted, now, windowOf(ch.settings));
    const xml = wxDecrypt(required(ch.secrets, 'encodingAesKey', 'secrets'), corpId, encrypted);
    const inner = parseWxXml(xml);
    if (!inner) throw new CallbackRejected(400, 'MALFORMED_XML', 'The decrypted message is not WeCom message XML');
    const agentId = String(ch.settings.agentId ?? '');
    if (agentId && field(inner, 'AgentID') && field(inner, 'AgentID') !== agentId)
      throw new CallbackRejected(403, 'AGENT_MISMATCH', `The message is for app ${field(inner, 'AgentID')}, not for the configured AgentId ${agentId}`);
    const user = field(inner, 'FromUserName');
    return {
      kind: 'store',
      raw: Buffer.from(xml, 'utf8'),
      read: inner,
      contentType: 'application/xml',
      externalId: wxExternalId(inner),
      lane: `wecom:${corpId}:${user}`,
      meta: { platform: 'wecom', corpId, userId: user, msgType: field(inner, 'MsgType') },
      ack: { contentType: 'text/plain; charset=utf-8', body: '' },
    };
  },
};

export const windowOf = (settings: Record<string, any>, fallback = WECOM_WINDOW_MS): number =>
  Number(settings.replayWindowSeconds) > 0 ? Number(settings.replayWindowSeconds) * 1000 : fallback;
