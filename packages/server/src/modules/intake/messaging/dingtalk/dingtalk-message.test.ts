import { describe, expect, it } from 'vitest';
import { dingtalkSign } from './dingtalk-callback';
import { readDingtalkMessage } from './dingtalk-message';

const msg = (extra: Record<string, unknown>) => ({ msgId: 'msgA', senderStaffId: 'manager4220', senderNick: '杨工', conversationType: '1', ...extra });

describe('DingTalk robot messages', () => {
  it('reads text, audio with and without recognition, picture, rich text and file', () => {
    expect(readDingtalkMessage(msg({ msgtype: 'text', text: { content: ' 工位网口不通 ' } }))).toEqual({ kind: 'message', userId: 'manager4220', nick: '杨工', text: '工位网口不通' });
    expect(readDingtalkMessage(msg({ msgtype: 'audio', content: { duration: 4000, downloadCode: 'd', recognition: '门禁卡失效了' } }))).toMatchObject({ text: '门禁卡失效了' });
    expect(readDingtalkMessage(msg({ msgtype: 'audio', content: { downloadCode: 'd' } }))).toMatchObject({ text: '[语音]' });
    expect(readDingtalkMessage(msg({ msgtype: 'picture', content: { downloadCode: 'dl-1' } }))).toMatchObject({ text: '[图片]', downloadCode: 'dl-1' });
    expect(readDingtalkMessage(msg({ msgtype: 'richText', content: { richText: [{ text: '报修：' }, { type: 'picture', downloadCode: 'dl-2' }, { text: '见图' }] } }))).toMatchObject({ text: '报修：[图片]见图', downloadCode: 'dl-2' });
    expect(readDingtalkMessage(msg({ msgtype: 'file', content: { fileName: '日志.zip' } }))).toMatchObject({ text: '[文件] 日志.zip' });
  });
  it('ignores empty text and messages without a sender', () => {
    expect(readDingtalkMessage(msg({ msgtype: 'text', text: { content: '  ' } }))).toEqual({ kind: 'ignore', reason: 'empty_text' });
    expect(readDingtalkMessage({ msgtype: 'text', text: { content: 'x' } })).toEqual({ kind: 'ignore', reason: 'not_a_message' });
  });
  it('signs timestamp + "\\n" + appSecret with HmacSHA256 keyed by the appSecret, base64', () => {
    // computed independently: printf '1577262236757\nsecret' | openssl dgst -sha256 -hmac secret -binary | base64
    expect(dingtalkSign('1577262236757', 'secret')).toBe('TIz5XcFHyeEuCoyc+5d9DoNiRC3txFfOzZU76lmRbYc=');
  });
});
