import { InputNumber, Input, Select, Spin, TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi, customersApi } from '../../api/endpoints';
import { useCategoryTree, useLocalName, useLookups, useUserNames } from '../../common/lookups';
import { searchStaff, resolveStaff } from '../../common/people-search';
import { RemoteSelect, type RemoteOption } from '../../common/remote-select';
import { choicesOf, type ValueKind } from './rule-model';

// The value controls of a condition or a set-field action: a select for statuses and priorities, the
// category tree, team / type / person / organization pickers, tags, text, or a number of hours.

/** Several staff members, searched by name as one types; the names of those already chosen shown. */
export function StaffMultiSelect({ value, onChange, testId }: { value?: string[]; onChange?: (v: string[]) => void; testId?: string }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<RemoteOption[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const users = useUserNames(value ?? []);
  const run = (q: string) => {
    const n = ++seq.current;
    setLoading(true);
    searchStaff(q)
      .then((o) => n === seq.current && setOptions(o))
      .catch(() => n === seq.current && setOptions([]))
      .finally(() => n === seq.current && setLoading(false));
  };
  const known = (value ?? []).filter((id) => !options.some((o) => o.value === id)).map((id) => ({ value: id, label: users.get(id)?.name ?? t('app.unknown') }));
  return (
    <Select
      mode="multiple"
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: run }}
      onOpenChange={(open) => open && !options.length && run('')}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      options={[...known, ...options]}
      style={{ minWidth: 200 }}
      data-testid={testId}
    />
  );
}

/** One organization, searched by name. */
function OrganizationSelect({ value, onChange, testId }: { value?: string; onChange?: (v: string | undefined) => void; testId?: string }) {
  const search = async (q: string) => (await customersApi.organizations({ q: q || undefined, limit: 20 })).items.map((o) => ({ value: o.id, label: o.name }));
  const resolve = async (id: string) => {
    const o = await customersApi.organization(id);
    return { value: o.id, label: o.name };
  };
  return <RemoteSelect value={value} onChange={onChange} search={search} resolve={resolve} style={{ minWidth: 200 }} testId={testId} />;
}

/** The tenant's custom fields, for conditions on custom.<key>. */
export function useCustomFields() {
  return useQuery({ queryKey: ['catalog', 'custom-fields'], queryFn: () => catalogApi.customFields(), staleTime: 60_000 }).data?.items ?? [];
}

interface ValueProps {
  kind: ValueKind | undefined;
  shape: 'none' | 'one' | 'many' | 'number';
  value?: unknown;
  onChange?: (v: unknown) => void;
  testId?: string;
}

/** The control for a value of this kind, one or several. */
export function ValueInput({ kind, shape, value, onChange, testId }: ValueProps) {
  const { t } = useTranslation();
  const { teams, ticketTypes } = useLookups();
  const categoryTree = useCategoryTree();
  const name = useLocalName();
  if (shape === 'none' || !kind) return null;
  const many = shape === 'many';
  const width = { minWidth: 180 };
  if (shape === 'number' || kind === 'hours' || kind === 'count')
    return <InputNumber min={0} precision={kind === 'hours' ? 1 : 0} value={value as number | undefined} onChange={(v) => onChange?.(v ?? undefined)} suffix={kind === 'hours' ? t('automation.editor.hours') : t('automation.editor.times')} style={{ width: 140 }} data-testid={testId} />;
  const choices = choicesOf(kind);
  const select = (options: { value: string; label: string }[]) => (
    <Select mode={many ? 'multiple' : undefined} value={value as string | string[] | undefined} onChange={(v) => onChange?.(v)} options={options} style={width} showSearch={{ optionFilterProp: 'label' }} data-testid={testId} />
  );
  if (choices) return select(choices.values.map((v) => ({ value: v, label: t(`${choices.prefix}.${v}`) })));
  switch (kind) {
    case 'team':
      return select(teams.map((tm) => ({ value: tm.id, label: tm.name })));
    case 'type':
      return select(ticketTypes.map((tt) => ({ value: tt.id, label: name(tt) })));
    case 'category':
      return <TreeSelect multiple={many} value={value as string | string[] | undefined} onChange={(v) => onChange?.(v)} treeData={categoryTree} showSearch={{ treeNodeFilterProp: 'title' }} style={{ minWidth: 200 }} data-testid={testId} />;
    case 'person':
      return many ? (
        <StaffMultiSelect value={value as string[] | undefined} onChange={onChange} testId={testId} />
      ) : (
        <RemoteSelect value={value as string | undefined} onChange={onChange} search={searchStaff} resolve={resolveStaff} style={{ minWidth: 180 }} testId={testId} />
      );
    case 'organization':
      return <OrganizationSelect value={value as string | undefined} onChange={onChange} testId={testId} />;
    case 'tags':
      return <Input value={value as string | undefined} onChange={(e) => onChange?.(e.target.value)} style={{ width: 160 }} data-testid={testId} />;
    default:
      return <Input value={value as string | undefined} onChange={(e) => onChange?.(e.target.value)} style={{ width: 220 }} data-testid={testId} />;
  }
}

/** Keeps a value control's value when its shape changes (one ↔ several) instead of losing it. */
export function useReshape(shape: string, value: unknown, onChange: (v: unknown) => void) {
  useEffect(() => {
    if (shape === 'many' && value !== undefined && !Array.isArray(value)) onChange(value === '' || value === null ? [] : [value]);
    else if (shape === 'one' && Array.isArray(value)) onChange(value[0]);
    else if (shape === 'none' && value !== undefined) onChange(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape]);
}
