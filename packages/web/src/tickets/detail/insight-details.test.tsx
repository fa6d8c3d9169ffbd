import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatStatedDate } from '../../i18n/format';
import { renderUi } from '../../test/render';
import { InsightExtracted } from './insight-details';

describe('details found in the text', () => {
  it('show a date as the interface language writes it, on the clock the text stated, never as ISO', () => {
    renderUi(
      <InsightExtracted
        items={[
          { kind: 'error_code', value: 'E21', text: 'E21' },
          { kind: 'date', value: '2026-12-04T21:17:00+08:00', text: '今天21:17' },
          { kind: 'date', value: '2026-12-01', text: '12月1日' },
        ]}
      />,
    );
    const dates = screen.getAllByTestId('insight-extracted-date').map((d) => d.textContent ?? '');
    expect(dates[0]).toContain('2026/12/04 21:17');
    expect(dates[1]).toContain('2026/12/01');
    for (const d of dates) expect(d).not.toMatch(/T\d\d:|\+08:00/);
  });

  it('writes stated dates per locale: zh-CN and en, a month alone by its name', () => {
    expect(formatStatedDate('2026-12-04T21:17:00+08:00', 'zh-CN')).toBe('2026/12/04 21:17');
    expect(formatStatedDate('2026-12-04T21:17:00+08:00', 'en')).toBe('12/04/2026, 21:17');
    expect(formatStatedDate('2026-12', 'zh-CN')).toBe('2026年12月');
    expect(formatStatedDate('2026-W49', 'en')).toBe('2026-W49');
  });
});
