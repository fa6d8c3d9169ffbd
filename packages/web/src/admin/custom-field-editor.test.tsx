import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import { CustomFieldEditor } from './custom-field-editor';
import { reorder } from './custom-field-rules';

const TYPE = '0190a0a0-0000-7000-8000-0000000000t1';

function chooseKind(label: string) {
  const select = screen.getByTestId('field-kind');
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  fireEvent.click(screen.getAllByText(label).find((el) => el.closest('.ant-select-item-option'))!);
}

describe('custom field editor', () => {
  it('needs at least one option for a select field before anything is sent', async () => {
    const calls = stubFetch({ 'POST /api/v1/custom-fields': (b) => ({ status: 201, body: { id: 'f1', ...(b as object) } }) });
    renderUi(<CustomFieldEditor open field={null} ticketTypeId={TYPE} onClose={() => undefined} onSaved={() => undefined} />);
    fireEvent.change(await screen.findByTestId('field-key'), { target: { value: 'device_model' } });
    fireEvent.change(screen.getByTestId('field-label-zh'), { target: { value: '设备型号' } });
    chooseKind('单选');
    // choosing a select kind offers one empty option row; removing it leaves none
    fireEvent.click(await screen.findByTestId('field-option-remove-0'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('field-form-ok'));
    });
    await waitFor(() => expect(screen.getByText('单选和多选字段至少需要一个选项')).toBeTruthy());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('flags a repeated option value, then sends the field with its options and the ticket type', async () => {
    const calls = stubFetch({ 'POST /api/v1/custom-fields': (b) => ({ status: 201, body: { id: 'f1', ...(b as object) } }) });
    let saved: unknown = null;
    renderUi(<CustomFieldEditor open field={null} ticketTypeId={TYPE} nextPosition={30} onClose={() => undefined} onSaved={(f) => (saved = f)} />);
    fireEvent.change(await screen.findByTestId('field-key'), { target: { value: 'device_model' } });
    fireEvent.change(screen.getByTestId('field-label-zh'), { target: { value: '设备型号' } });
    chooseKind('多选');
    fireEvent.change(await screen.findByTestId('field-option-value-0'), { target: { value: 'a4' } });
    fireEvent.change(screen.getByTestId('field-option-zh-0'), { target: { value: 'A4 打印机' } });
    fireEvent.click(screen.getByTestId('field-option-add'));
    fireEvent.change(await screen.findByTestId('field-option-value-1'), { target: { value: 'a4' } });
    fireEvent.change(screen.getByTestId('field-option-zh-1'), { target: { value: '重复' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('field-form-ok'));
    });
    await waitFor(() => expect(screen.getByText('选项值重复')).toBeTruthy());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    fireEvent.change(screen.getByTestId('field-option-value-1'), { target: { value: 'a3' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('field-form-ok'));
    });
    await waitFor(() => expect(saved).not.toBeNull());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      key: 'device_model',
      kind: 'multiselect',
      ticketTypeId: TYPE,
      labelZh: '设备型号',
      labelEn: '',
      required: false,
      position: 30,
      options: [
        { value: 'a4', labelZh: 'A4 打印机', labelEn: '' },
        { value: 'a3', labelZh: '重复', labelEn: '' },
      ],
    });
  });

  it('shows the server’s refusal at the field it names', async () => {
    stubFetch({
      'POST /api/v1/custom-fields': () => ({
        status: 409,
        body: { error: { code: 'CONFLICT', message: 'A field with key device_model already exists for this ticket type', field: 'key' } },
      }),
    });
    renderUi(<CustomFieldEditor open field={null} ticketTypeId={null} onClose={() => undefined} onSaved={() => undefined} />);
    fireEvent.change(await screen.findByTestId('field-key'), { target: { value: 'device_model' } });
    fireEvent.change(screen.getByTestId('field-label-zh'), { target: { value: '设备型号' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('field-form-ok'));
    });
    await waitFor(() => expect(screen.getByText('与已有数据冲突')).toBeTruthy());
    expect(screen.getByText('与已有数据冲突').closest('.ant-form-item')?.querySelector('[data-testid="field-key"]')).toBeTruthy();
  });

  it('keeps key and kind fixed when changing a field', async () => {
    stubFetch({});
    const field = { id: 'f1', ticketTypeId: null, key: 'sn', kind: 'text' as const, labelZh: '序列号', labelEn: 'Serial', required: true, options: [], position: 10 };
    renderUi(<CustomFieldEditor open field={field} ticketTypeId={null} onClose={() => undefined} onSaved={() => undefined} />);
    await waitFor(() => expect((screen.getByTestId('field-key') as HTMLInputElement).value).toBe('sn'));
    expect((screen.getByTestId('field-key') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('field order', () => {
  const f = (id: string, position: number) => ({ id, ticketTypeId: null, key: id, kind: 'text' as const, labelZh: id, labelEn: '', required: false, options: [], position });
  it('swaps neighbours and renumbers only what changed', () => {
    expect(reorder([f('a', 10), f('b', 20), f('c', 30)], 'c', -1)).toEqual([
      { id: 'c', position: 20 },
      { id: 'b', position: 30 },
    ]);
    expect(reorder([f('a', 0), f('b', 0)], 'a', 1)).toEqual([
      { id: 'b', position: 10 },
      { id: 'a', position: 20 },
    ]);
    expect(reorder([f('a', 10)], 'a', -1)).toEqual([]);
  });
});
