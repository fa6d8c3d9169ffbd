import { describe, expect, it } from 'vitest';
import { readFeishuEvent } from './feishu-message';

const event = (message_type: string, content: unknown, sender_type = 'user') => ({
  schema: '2.0',
  header: { event_id: 'e1', event_type: 'im.message.receive_v1', app_id: 'cli_a1' },
  event: { sender: { sender_id: { open_id: 'ou_abc', user_id: 'u1' }, sender_type }, message: { message_id: 'om_1', chat_type: 'p2p', message_type, content: JSON.stringify(content) } },
});

describe('readFeishuEvent', () => {
  it('reads text without mention placeholders, rich text, image and audio', () => {
    expect(readFeishuEvent(event('text', { text: '@_user_1 财务系统登录不了' }))).toEqual({ kind: 'message', openId: 'ou_abc', messageId: 'om_1', text: '财务系统登录不了' });
    expect(readFeishuEvent(event('post', { zh_cn: { title: '报修', content: [[{ tag: 'text', text: '空调漏水' }, { tag: 'a', text: '照片', href: 'x' }], [{ tag: 'at', user_name: '张三' }]] } }))).toMatchObject({ text: '报修\n空调漏水照片\n@张三' });
    expect(readFeishuEvent(event('image', { image_key: 'img_v2_1' }))).toMatchObject({ text: '[图片]', imageKey: 'img_v2_1' });
    expect(readFeishuEvent(event('audio', { file_key: 'f1', duration: 3000 }))).toMatchObject({ text: '[语音]' });
  });
  it("ignores other events, the app's own messages and empty text", () => {
    expect(readFeishuEvent({ header: { event_type: 'im.message.message_read_v1' } })).toEqual({ kind: 'ignore', reason: 'event:im.message.message_read_v1' });
    expect(readFeishuEvent(event('text', { text: 'hi' }, 'app'))).toEqual({ kind: 'ignore', reason: 'not_from_a_user' });
    expect(readFeishuEvent(event('text', { text: '@_user_1 ' }))).toEqual({ kind: 'ignore', reason: 'empty_text' });
  });
});
