import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { CustomField } from '../api/types';
import { useLocalName } from '../common/lookups';
import { NO_STEP_BUTTONS } from '../common/quiet-icons';

// The input for one custom field of a ticket type, by kind; labels in the interface language.

interface Props {
  field: CustomField;
  value?: unknown;
  /** Called when the value is settled (blur, pick), not on every keystroke. */
  onChange?: (v: unknown) => void;
  id?: string;
}

export function CustomFieldInput({ field, value, onChange, id }: Props) {
  const name = useLocalName();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const testId = `cf-${field.key}`;
  const options = field.options.map((o) => ({ value: o.value, label: name(o) }));
  switch (field.kind) {
    case 'number':
      return (
        <InputNumber controls={NO_STEP_BUTTONS}
          id={id}
          data-testid={testId}
          style={{ width: '100%' }}
          value={typeof text === 'number' ? text : text == null || text === '' ? null : Number(text)}
          onChange={(v) => setText(v)}
          onBlur={() => text !== value && onChange?.(text ?? null)}
        />
      );
    case 'date':
      return (
        <DatePicker
          id={id}
          data-testid={testId}
          style={{ width: '100%' }}
          value={typeof value === 'string' && value ? dayjs(value) : null}
          onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
        />
      );
    case 'select':
      return <Select id={id} data-testid={testId} allowClear value={(value as string) ?? undefined} onChange={(v) => onChange?.(v ?? null)} options={options} />;
    case 'multiselect':
      return <Select id={id} data-testid={testId} mode="multiple" allowClear value={(value as string[]) ?? []} onChange={(v) => onChange?.(v)} options={options} />;
    default:
      return (
        <Input
          id={id}
          data-testid={testId}
          value={(text as string) ?? ''}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => text !== value && onChange?.(text ?? '')}
          onPressEnter={() => text !== value && onChange?.(text ?? '')}
        />
      );
  }
}

/** The fields a ticket of this type has: its own and the global ones (no type: only global). */
export function fieldsForType(all: CustomField[], typeId: string | null | undefined): CustomField[] {
  return all.filter((f) => f.ticketTypeId === null || (typeId && f.ticketTypeId === typeId)).sort((a, b) => a.position - b.position);
}
