import { describe, expect, it } from 'vitest';
import { CallbackRejected } from './callback-rejected';
import { wxDecrypt, wxEncrypt, wxSignature } from './wx-crypto';
import { WECHAT_SAMPLE } from './wx-samples';

// Known answers from Tencent's own WXBizMsgCrypt samples, not only our encrypt against our decrypt.
describe('WXBizMsgCrypt (WeCom / WeChat safe mode)', () => {
  // WeCom's official callback sample (weworkapi_python callback/Sample.py)
  const token = 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo';
  const aesKey = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
  const corpId = 'ww1436e0e65a779aee';
  const echostr = 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==';
  const encrypt =
    'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+';

  it('verifies the URL of the official sample and decrypts its echostr', () => {
    expect(wxSignature(token, '1476416373', '47744683', echostr)).toBe('012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb');
    expect(wxDecrypt(aesKey, corpId, echostr)).toBe('1288432023552776189');
  });

  it('checks the signature of the official POST sample and decrypts the message', () => {
    expect(wxSignature(token, '1476422779', '1597212914', encrypt)).toBe('0c3914025cb4b4d68103f6bfc8db550f79dcf48e');
    const xml = wxDecrypt(aesKey, corpId, encrypt);
    expect(xml).toContain('<FromUserName>ChenJiaShun</FromUserName>');
    expect(xml).toContain('<Content>你好</Content>');
  });

  it('checks and decrypts the safe-mode message of the Official Account SDK sample', () => {
    // wxbizmsgcrypt sample: token "spamtest", AppID wx2c2769f8efd9abc2
    const enc = WECHAT_SAMPLE.encrypt;
    expect(wxSignature('spamtest', '1409735669', '1320562132', enc)).toBe('5d197aaffba7e9b25a30732f161a50dee96bd5fa');
    const xml = wxDecrypt('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'wx2c2769f8efd9abc2', enc);
    expect(xml).toContain('<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>');
    expect(xml).toContain('<MsgId>6054768590064713728</MsgId>');
  });

  it("encrypts exactly as the WeChat SDK's own test (fixed random)", () => {
    // WXBizMsgCryptTest (Java SDK of the Official Account): random "aaaabbbbccccdddd"
    const out = wxEncrypt('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'wxb11529c136998cb6', '我是中文abcd123', Buffer.from('aaaabbbbccccdddd'));
    expect(out).toBe('jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==');
  });

  it('rejects a payload for another corp, a wrong key and garbage with stable codes', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as CallbackRejected).code;
      }
      return 'none';
    };
    expect(code(() => wxDecrypt(aesKey, 'ww_other_corp', encrypt))).toBe('RECEIVER_MISMATCH');
    expect(code(() => wxDecrypt('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', corpId, encrypt))).toBe('DECRYPT_FAILED');
    expect(code(() => wxDecrypt(aesKey, corpId, '不是密文'))).toBe('DECRYPT_FAILED');
    expect(code(() => wxDecrypt(aesKey, corpId, 'AAAA'))).toBe('DECRYPT_FAILED');
    const round = wxEncrypt(aesKey, corpId, '<xml>报修</xml>');
    expect(wxDecrypt(aesKey, corpId, round)).toBe('<xml>报修</xml>');
  });
});
