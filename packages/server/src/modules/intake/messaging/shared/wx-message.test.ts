import { describe, expect, it } from 'vitest';
import { readWxMessage, wxExternalId } from './wx-message';
import { parseWxXml } from './xml';

const xml = (inner: string) => parseWxXml(`<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[ZhangSan]]></FromUserName><CreateTime>1700000000</CreateTime>${inner}</xml>`)!;

describe('readWxMessage', () => {
  it('reads text, voice with and without recognition, image, location and link', () => {
    expect(readWxMessage(xml('<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[会议室投影仪坏了\n请尽快处理]]></Content><MsgId>123</MsgId>'))).toEqual({ kind: 'message', userId: 'ZhangSan', msgType: 'text', text: '会议室投影仪坏了\n请尽快处理' });
    expect(readWxMessage(xml('<MsgType>voice</MsgType><MediaId>m1</MediaId><Format>amr</Format><Recognition><![CDATA[空调不制冷]]></Recognition>'))).toMatchObject({ text: '空调不制冷' });
    expect(readWxMessage(xml('<MsgType>voice</MsgType><MediaId>m1</MediaId>'))).toMatchObject({ text: '[语音]' });
    expect(readWxMessage(xml('<MsgType>image</MsgType><PicUrl>https://x/p.jpg</PicUrl><MediaId>media-9</MediaId>'))).toMatchObject({ text: '[图片]', mediaId: 'media-9', picUrl: 'https://x/p.jpg' });
    expect(readWxMessage(xml('<MsgType>location</MsgType><Location_X>31.2</Location_X><Location_Y>121.4</Location_Y><Label>上海市徐汇区</Label>'))).toMatchObject({ text: '[位置] 上海市徐汇区 (31.2, 121.4)' });
    expect(readWxMessage(xml('<MsgType>link</MsgType><Title>故障截图</Title><Url>https://e.cn/a</Url>')).kind).toBe('message');
  });
  it('ignores events and messages without a sender or text', () => {
    expect(readWxMessage(xml('<MsgType>event</MsgType><Event>enter_agent</Event>'))).toEqual({ kind: 'ignore', reason: 'event:enter_agent' });
    expect(readWxMessage(parseWxXml('<xml><MsgType>text</MsgType><Content>x</Content></xml>')!)).toEqual({ kind: 'ignore', reason: 'not_a_message' });
    expect(readWxMessage(xml('<MsgType>text</MsgType><Content>  </Content>'))).toEqual({ kind: 'ignore', reason: 'empty_text' });
  });
  it('identifies a delivery by MsgId, an event by sender, time and event', () => {
    expect(wxExternalId(xml('<MsgType>text</MsgType><MsgId>6054768590064713728</MsgId>'))).toBe('6054768590064713728');
    expect(wxExternalId(xml('<MsgType>event</MsgType><Event>subscribe</Event>'))).toBe('event:ZhangSan:1700000000:subscribe');
  });
  it('refuses what is not a WeChat XML message', () => {
    expect(parseWxXml('<xml><a>1</a>')).toBeNull();
    expect(parseWxXml('{"a":1}')).toBeNull();
    expect(parseWxXml('<root><a>1</a></root>')).toBeNull();
    expect(parseWxXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><xml><a>&a;</a></xml>')).toBeNull();
  });
});
