import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { assertStorableText, decodeUtf8Strict, findTextFault, textFault, toStorableText } from './storable-text';

describe('storable text', () => {
  it('accepts Chinese, emoji, RTL marks and control characters other than NUL', () => {
    expect(textFault('打印机无法连接 🖨️ \u200f\u202e\t\n')).toBeNull();
  });
  it('names NUL and lone surrogates', () => {
    expect(textFault('a\u0000b')).toBe('nul');
    expect(textFault('报修\ud800')).toBe('lone_surrogate');
    expect(textFault('\udc00x')).toBe('lone_surrogate');
    expect(textFault('\ud83d\ude00')).toBeNull();
  });
  it('finds the first faulty string or key with its path', () => {
    expect(findTextFault({ title: 'ok', requester: { name: 'a\0' } })).toEqual({ path: 'requester.name', fault: 'nul' });
    expect(findTextFault({ tags: ['a', 'b\ud800'] })).toEqual({ path: 'tags.1', fault: 'lone_surrogate' });
    expect(findTextFault({ ['k\0']: 1 })).toEqual({ path: 'k\0', fault: 'nul' });
    expect(findTextFault([1, null, true, { a: 'x' }])).toBeNull();
  });
  it('throws INVALID_TEXT naming the field', () => {
    try {
      assertStorableText({ title: 't\0' }, 'body');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('INVALID_TEXT');
      expect((e as AppError).field).toBe('body.title');
      expect((e as AppError).message).toContain('NUL');
    }
  });
  it('cleans text that must be kept', () => {
    expect(toStorableText('a\0b\ud800c')).toBe('ab\ufffdc');
    expect(toStorableText('正常')).toBe('正常');
  });
  it('decodes strict UTF-8 only', () => {
    expect(decodeUtf8Strict(Buffer.from('工单', 'utf8'))).toBe('工单');
    expect(decodeUtf8Strict(Uint8Array.from([0x61, 0xff, 0x62]))).toBeNull();
  });
});
