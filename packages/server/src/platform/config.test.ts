import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { settingsTable } from './config';

// The README's settings table is generated (`npx gongdan config`); a setting added without it fails here.
describe('the README settings table', () => {
  it('is the table npx gongdan config prints', () => {
    const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../../README.md'), 'utf8');
    const m = /<!-- settings:begin[^>]*-->\n([\s\S]*?)\n<!-- settings:end -->/.exec(readme);
    expect(m, 'README.md has the settings markers').not.toBeNull();
    expect(m![1].trim()).toBe(settingsTable().trim());
  });
});
