import { fireEvent, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/**
 * Opens the Ant Design select with this test id and clicks the option with exactly this label, until
 * the select shows it (a dialog that has just opened may take the focus, and the list with it, once).
 */
export async function choose(testId: string, label: string) {
  await waitFor(() => {
    const select = screen.getByTestId(testId);
    if (!select.textContent?.includes(label)) {
      fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
      const options = screen.getAllByText(label).filter((el) => el.closest('.ant-select-item-option'));
      fireEvent.click(options[options.length - 1]);
    }
    expect(screen.getByTestId(testId).textContent).toContain(label);
  });
}

/** Types tags into a tags-mode select (comma separated, as the tokenSeparators split them). */
export function typeTags(testId: string, tags: string[]) {
  const input = screen.getByTestId(testId).querySelector('input')!;
  for (const tag of tags) {
    fireEvent.change(input, { target: { value: tag } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  }
}

/** The option labels of the Ant Design select with this test id (opens its list when closed). */
export function optionLabels(testId: string): string[] {
  const select = screen.getByTestId(testId);
  const listId = select.querySelector('[aria-controls]')?.getAttribute('aria-controls') ?? select.getAttribute('aria-controls');
  const dropdown = () => (listId ? document.getElementById(listId)?.closest('.ant-select-dropdown') : null) ?? null;
  if (!dropdown()) fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  return [...(dropdown()?.querySelectorAll('.ant-select-item-option') ?? [])].map((o) => o.textContent ?? '');
}
