import { fireEvent, screen } from '@testing-library/react';

/** Opens the Ant Design select with this test id and clicks the option with exactly this label. */
export function choose(testId: string, label: string) {
  const select = screen.getByTestId(testId);
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  const options = screen.getAllByText(label).filter((el) => el.closest('.ant-select-item-option'));
  fireEvent.click(options[options.length - 1]);
}

/** Types tags into a tags-mode select (comma separated, as the tokenSeparators split them). */
export function typeTags(testId: string, tags: string[]) {
  const input = screen.getByTestId(testId).querySelector('input')!;
  for (const tag of tags) {
    fireEvent.change(input, { target: { value: tag } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  }
}
