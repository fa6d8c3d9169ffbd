import { Select, Spin } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useSelectClear } from './quiet-icons';

// A select whose options come from a server search as the user types (contacts, staff), and
// which can show the label of a value it has not searched for yet (a filter from the URL).

export interface RemoteOption {
  value: string;
  label: ReactNode;
}

interface Props {
  value?: string;
  onChange?: (v: string | undefined) => void;
  search: (q: string) => Promise<RemoteOption[]>;
  resolve?: (value: string) => Promise<RemoteOption | null>;
  /** Fixed options shown first (e.g. 我 / 未分配). */
  extra?: RemoteOption[];
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
  allowClear?: boolean;
}

export function RemoteSelect({ value, onChange, search, resolve, extra = [], placeholder, style, testId, allowClear = true }: Props) {
  const selectClear = useSelectClear();
  const [options, setOptions] = useState<RemoteOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [known, setKnown] = useState<RemoteOption | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const run = (q: string) => {
    const n = ++seq.current;
    setLoading(true);
    search(q)
      .then((o) => n === seq.current && setOptions(o))
      .catch(() => n === seq.current && setOptions([]))
      .finally(() => n === seq.current && setLoading(false));
  };

  useEffect(() => {
    if (!value || extra.some((e) => e.value === value) || options.some((o) => o.value === value) || known?.value === value || !resolve) return;
    let live = true;
    resolve(value)
      .then((o) => live && setKnown(o))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value, resolve, extra, options, known]);

  const all = [...extra, ...(known && !options.some((o) => o.value === known.value) ? [known] : []), ...options];
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (q) => {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => run(q), 250);
      } }}
      allowClear={allowClear ? selectClear : false}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      onOpenChange={(open) => open && !options.length && run('')}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      options={all}
      placeholder={placeholder}
      style={style}
      data-testid={testId}
      popupMatchSelectWidth={false}
    />
  );
}
