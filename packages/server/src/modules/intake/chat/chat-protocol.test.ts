import { describe, expect, it } from 'vitest';
import { allowMore, parseClientFrame, validVisitor, visitorToken } from './chat-protocol';

describe('chat protocol', () => {
  it('reads client frames and refuses bad ones with codes', () => {
    expect(parseClientFrame('{"type":"message","id":"m1","text":"  你好，网络断了  "}')).toEqual({ type: 'message', id: 'm1', text: '你好，网络断了' });
    expect(parseClientFrame('{"type":"hello"}')).toEqual({ type: 'hello', conversationId: undefined, visitorToken: undefined });
    expect(parseClientFrame('{"type":"profile","profile":{"name":"王五","email":"wangwu@example.cn"}}')).toMatchObject({ type: 'profile', profile: { name: '王五', email: 'wangwu@example.cn' } });
    expect(parseClientFrame('not json')).toMatchObject({ error: 'MALFORMED_FRAME' });
    expect(parseClientFrame('{"type":"message","id":"m1","text":" "}')).toMatchObject({ error: 'INVALID_MESSAGE', id: 'm1' });
    expect(parseClientFrame(`{"type":"message","id":"m1","text":"${'长'.repeat(1001)}"}`)).toMatchObject({ error: 'MESSAGE_TOO_LONG' });
    expect(parseClientFrame('{"type":"message","id":"../x","text":"a"}')).toMatchObject({ error: 'INVALID_MESSAGE' });
    expect(parseClientFrame('{"type":"profile","profile":{"email":"nope"}}')).toMatchObject({ error: 'INVALID_PROFILE' });
    expect(parseClientFrame('{"type":"shout"}')).toMatchObject({ error: 'UNKNOWN_FRAME' });
    expect(parseClientFrame('{"type":"message","id":"m2","text":"断网\\u0000了"}')).toMatchObject({ error: 'INVALID_TEXT', id: 'm2', message: expect.stringContaining('text') });
    expect(parseClientFrame('{"type":"profile","profile":{"name":"王\\ud800五"}}')).toMatchObject({ error: 'INVALID_TEXT', message: expect.stringContaining('profile.name') });
  });

  it('proves a conversation with a token derived from the channel secret', () => {
    const tok = visitorToken('s', 'conv-1');
    expect(validVisitor('s', 'conv-1', tok)).toBe(true);
    expect(validVisitor('s', 'conv-2', tok)).toBe(false);
    expect(validVisitor('other', 'conv-1', tok)).toBe(false);
    expect(validVisitor('s', 'conv-1', undefined)).toBe(false);
  });

  it('limits messages in a sliding window', () => {
    const log: number[] = [];
    expect([0, 1, 2].map((t) => allowMore(log, t, 2, 10))).toEqual([true, true, false]);
    expect(allowMore(log, 10, 2, 10)).toBe(true);
  });
});
