import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { customersApi } from '../../api/endpoints';
import { useSelectClear } from '../../common/quiet-icons';

// Several organizations (客户单位) picked by a server search as the user types; the names of those
// already chosen are looked up once.

interface Option {
  value: string;
  label: string;
}

export function OrganizationSelect({ value, onChange, placeholder, testId, removeIcon }: { value?: string[]; onChange?: (v: string[]) => void; placeholder?: string; testId?: string; removeIcon?: React.ReactNode }) {
  const selectClear = useSelectClear();
  const [options, setOptions] = useState<Option[]>([]);
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const search = (q: string) => {
    const n = ++seq.current;
    customersApi
      .organizations({ q: q.trim() || undefined, limit: 20 })
      .then((r) => n === seq.current && setOptions(r.items.map((o) => ({ value: o.id, label: o.name }))))
      .catch(() => undefined);
  };
  useEffect(() => {
    const missing = (value ?? []).filter((id) => !known.has(id) && !options.some((o) => o.value === id));
    if (!missing.length) return;
    let live = true;
    Promise.all(missing.map((id) => customersApi.organization(id).then((o) => [id, o.name] as const, () => [id, id] as const))).then((names) => {
      if (live) setKnown((k) => new Map([...k, ...names]));
    });
    return () => {
      live = false;
    };
  }, [value, known, options]);
  const chosen = (value ?? []).filter((id) => !options.some((o) => o.value === id)).map((id) => ({ value: id, label: known.get(id) ?? '' }));
  return (
    <Select
      mode="multiple"
      allowClear={selectClear}
      removeIcon={removeIcon}
      value={value ?? []}
      onChange={onChange}
      onFocus={() => !options.length && search('')}
      showSearch={{
        filterOption: false,
        onSearch: (q) => {
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => search(q), 250);
        },
      }}
      options={[...chosen, ...options]}
      placeholder={placeholder}
      data-testid={testId}
    />
  );
}
