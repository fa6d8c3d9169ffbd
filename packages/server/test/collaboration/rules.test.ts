import { describe, expect, it } from 'vitest';
import { attachmentTypeProblem, cleanFilename, contentDisposition, mediaTypeOf } from '../../src/modules/tickets/attachment-rules';
import { inverseKind, storedLink } from '../../src/modules/tickets/link-rules';

const ALLOWED = ['image/*', 'application/pdf', 'text/plain', 'application/vnd.*'];

describe('attachment rules', () => {
  it('keeps Chinese names and drops paths, control characters and trailing dots', () => {
    expect(cleanFilename('故障照片.jpg')).toBe('故障照片.jpg');
    expect(cleanFilename('C:\\Users\\张三\\桌面\\报告.pdf')).toBe('报告.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('发票\u0000\u202e.pdf')).toBe('发票.pdf');
    expect(cleanFilename('run.exe. . ')).toBe('run.exe');
    expect(cleanFilename('   ')).toBe('');
    expect([...cleanFilename('长'.repeat(300))]).toHaveLength(255);
  });

  it('normalises declared media types', () => {
    expect(mediaTypeOf('Text/CSV; charset=UTF-8')).toBe('text/csv');
    expect(mediaTypeOf('not a type')).toBeNull();
    expect(mediaTypeOf('text/plain\r\nx-evil: 1')).toBeNull();
  });

  it('accepts configured patterns and refuses dangerous types and extensions', () => {
    expect(attachmentTypeProblem('照片.png', 'image/png', ALLOWED)).toBeNull();
    expect(attachmentTypeProblem('表格.xlsx', 'application/vnd.ms-excel', ALLOWED)).toBeNull();
    expect(attachmentTypeProblem('图标.svg', 'image/svg+xml', ALLOWED)).toMatch(/svg/);
    expect(attachmentTypeProblem('图标.png', 'image/svg+xml', ALLOWED)).not.toBeNull();
    expect(attachmentTypeProblem('报告.PDF.EXE', 'application/pdf', ALLOWED)).toMatch(/\.exe/);
    for (const ext of ['bat', 'cmd', 'js', 'html', 'htm', 'sh', 'ps1', 'msi', 'jar', 'com', 'scr']) expect(attachmentTypeProblem(`a.${ext}`, 'text/plain', ALLOWED)).not.toBeNull();
    expect(attachmentTypeProblem('a.html', 'text/html', ['*/*'])).not.toBeNull();
    expect(attachmentTypeProblem('a.zip', 'application/zip', ALLOWED)).toMatch(/not accepted/);
    expect(attachmentTypeProblem('a.bin', 'application/vnd', ALLOWED)).not.toBeNull();
  });

  it('encodes download names as RFC 5987 and shows only safe previews inline', () => {
    expect(contentDisposition('故障照片.jpg', 'image/jpeg')).toBe("inline; filename=\"____.jpg\"; filename*=UTF-8''%E6%95%85%E9%9A%9C%E7%85%A7%E7%89%87.jpg");
    expect(contentDisposition('a "b" (1)*.txt', 'text/plain')).toBe(`attachment; filename="a _b_ (1)*.txt"; filename*=UTF-8''a%20%22b%22%20%281%29%2A.txt`);
    expect(contentDisposition('报告.pdf', 'application/pdf').startsWith('inline;')).toBe(true);
    expect(contentDisposition('x.mp4', 'video/mp4').startsWith('attachment;')).toBe(true);
  });
});

describe('link rules', () => {
  it('names each link from the other end', () => {
    expect(inverseKind('duplicate_of')).toBe('duplicated_by');
    expect(inverseKind('caused_by')).toBe('caused');
    expect(inverseKind('related')).toBe('related');
    expect(storedLink('duplicated_by')).toEqual({ kind: 'duplicate_of', held: 'other' });
    expect(storedLink('caused_by')).toEqual({ kind: 'caused_by', held: 'this' });
    expect(storedLink('related')).toEqual({ kind: 'related', held: 'either' });
  });
});
