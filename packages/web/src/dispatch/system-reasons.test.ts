import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { systemReasonText } from './system-reasons';

// The server's own reasons (its reasons.ts, read as text: the console does not import server code) must
// each be worded here, or an English reader sees Chinese.
const serverReasons = () => {
  const file = join(__dirname, '../../../server/src/modules/dispatch/assignment/reasons.ts');
  return [...readFileSync(file, 'utf8').matchAll(/^\s+\w+: '([^']+)',$/gm)].map((m) => m[1]);
};

describe('system reasons', () => {
  it("words every reason the server gives in English, none left as the server's Chinese", () => {
    const en = i18n.getFixedT('en');
    const reasons = serverReasons();
    expect(reasons.length).toBeGreaterThanOrEqual(9);
    for (const r of reasons) expect(systemReasonText(r, en), r).toMatch(/^[\x20-\x7e]+$/);
  });
  it('keeps a reason it does not know as written', () => {
    expect(systemReasonText('客户要求换人', i18n.getFixedT('en'))).toBe('客户要求换人');
  });
});
