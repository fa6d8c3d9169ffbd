import { CallbackRejected, checkTimestamp } from '../shared/callback-rejected';
import { required, type CallbackRequest, type CallbackResult, type PlatformCallback } from '../shared/callback-types';
import { signatureMatches, wxDecrypt, wxSignature } from '../shared/wx-crypto';
import { wxExternalId } from '../shared/wx-message';
import { field, parseWxXml } from '../shared/xml';
import { windowOf } from '../wecom/wecom-callback';

export const WECHAT_DEFAULT_BASE_URL = 'https://api.weixin.qq.com';

/** signature = sha1(sort(token, timestamp, nonce)), then the timestamp within the window. */
function checkSignature(token: string, req: CallbackRequest, now: Date, windowMs: number): void {
  const { signature, timestamp, nonce } = req.query;
  if (!signature || !timestamp || !nonce) throw new CallbackRejected(401, 'SIGNATURE_MISSING', 'signature, timestamp and nonce are required in the query');
  if (!signatureMatches(wxSignature(token, timestamp, nonce), signature)) throw new CallbackRejected(401, 'SIGNATURE_INVALID', "signature does not match: the request is not from WeChat, or the channel's Token is wrong");
  checkTimestamp(timestamp, now, windowMs, 's');
}

/**
 * WeChat Official Account (微信公众号) server configuration (服务器配置): GET echoes echostr after the
 * signature check; POST messages come in plain mode (signature only) or, when the channel has an
 * EncodingAESKey, in safe mode (encrypt_type=aes, msg_signature over the <Encrypt>ed message for the
 * AppID; plain messages are then refused). The message is stored and answered "success".
 */
export const wechatCallback: PlatformCallback = {
  platform: 'wechat',
  get(ch, req, now): CallbackResult {
    checkSignature(required(ch.secrets, 'token', 'secrets'), req, now, windowOf(ch.settings));
    if (!req.query.echostr) throw new CallbackRejected(400, 'ECHOSTR_MISSING', 'echostr is required to verify the URL');
    return { kind: 'answer', contentType: 'text/plain; charset=utf-8', body: req.query.echostr };
  },
  post(ch, req, now): CallbackResult {
    const token = required(ch.secrets, 'token', 'secrets');
    const appId = required(ch.settings, 'appId', 'settings');
    const aesKey = typeof ch.secrets.encodingAesKey === 'string' && ch.secrets.encodingAesKey ? ch.secrets.encodingAesKey : null;
    checkSignature(token, req, now, windowOf(ch.settings));
    const outer = parseWxXml(req.body.toString('utf8'));
    if (!outer) throw new CallbackRejected(400, 'MALFORMED_XML', 'The body must be WeChat message XML (<xml>…</xml>)');
    let xml = req.body.toString('utf8');
    let msg = outer;
    if (aesKey) {
      const encrypted = field(outer, 'Encrypt');
      if (req.query.encrypt_type !== 'aes' || !encrypted) throw new CallbackRejected(400, 'ENCRYPTION_REQUIRED', 'The channel has an EncodingAESKey (safe mode): messages must be encrypted (encrypt_type=aes)');
      if (!signatureMatches(wxSignature(token, req.query.timestamp!, req.query.nonce!, encrypted), req.query.msg_signature))
        throw new CallbackRejected(401, 'SIGNATURE_INVALID', 'msg_signature does not match the encrypted message');
      xml = wxDecrypt(aesKey, appId, encrypted);
      const inner = parseWxXml(xml);
      if (!inner) throw new CallbackRejected(400, 'MALFORMED_XML', 'The decrypted message is not WeChat message XML');
      msg = inner;
    }
    const openId = field(msg, 'FromUserName');
    if (!openId || !field(msg, 'MsgType')) throw new CallbackRejected(400, 'MALFORMED_XML', 'The message has no FromUserName or MsgType');
    return {
      kind: 'store',
      raw: Buffer.from(xml, 'utf8'),
      read: msg,
      contentType: 'application/xml',
      externalId: wxExternalId(msg),
      lane: `wechat:${appId}:${openId}`,
      meta: { platform: 'wechat', appId, userId: openId, msgType: field(msg, 'MsgType'), encrypted: !!aesKey },
      ack: { contentType: 'text/plain; charset=utf-8', body: 'success' },
    };
  },
};
